package io.tiercache.cache.l2;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.tiercache.cache.config.EngineSettings;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every Redis call of a cache manager goes through here: it is skipped while the circuit breaker is open and waits
 * at most the configured bound ({@code tiercache.redis.timeout}) for its answer. A call past the bound counts as a
 * failure; the command itself may still run on Redis later, which is why a failed write bumps the cache generation
 * (see {@link Generation}). Redisson reconnects by itself; the breaker probes again after its open duration.
 *
 * <p>The calls made while the manager or a cache starts ({@link #callAtStartup}) are the exception: they wait up to
 * the connect timeout ({@code tiercache.redis.connect-timeout}), since a first answer may have to wait for a
 * connection, and they neither need nor affect the breaker.
 *
 * <p>Thread-safe.
 */
public final class RedisGuard {

    /** Pause between start-up attempts: Redisson's first reconnection delay. */
    private static final long RETRY_PAUSE_MILLIS = 100;

    private final CircuitBreaker breaker;
    private final long boundNanos;

    public RedisGuard(String name, EngineSettings settings) {
        this(name, settings.redisTimeout(), CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breakerFailureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .waitDurationInOpenState(settings.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.breakerHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
    }

    private RedisGuard(String name, Duration bound, CircuitBreakerConfig config) {
        this.breaker = CircuitBreaker.of(name, config);
        this.boundNanos = bound.toNanos();
    }

    /** Runs {@code call} and waits for its result within the bound; throws {@link L2UnavailableException}. */
    public <T> T call(Supplier<? extends CompletionStage<T>> call) {
        return call(call, boundNanos);
    }

    /** As {@link #call(Supplier)} with a bound of at most {@code timeoutNanos}. */
    public <T> T call(Supplier<? extends CompletionStage<T>> call, long timeoutNanos) {
        if (!breaker.tryAcquirePermission()) {
            throw new L2UnavailableException("Redis skipped: circuit breaker " + breaker.getState(), null, true);
        }
        long start = System.nanoTime();
        try {
            T result = call.get().toCompletableFuture().get(Math.min(boundNanos, timeoutNanos), TimeUnit.NANOSECONDS);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            throw new L2UnavailableException("Interrupted waiting for Redis", e, false);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
            throw new L2UnavailableException("Redis call failed: " + cause, cause, false);
        }
    }

    /**
     * A start-up call: {@code call} is given the time left, to use as its Redisson per-command timeout (the client's
     * own is the operation bound), and is made again, after a short pause, each time it fails, until Redis answers or
     * {@code timeoutNanos} have passed. The circuit breaker is neither asked nor told: a slow start
     * says nothing about Redis in operation. Blocks the calling thread; throws {@link L2UnavailableException} when
     * Redis did not answer in time (at once when {@code timeoutNanos} is not positive).
     */
    public <T> T callAtStartup(Function<Duration, ? extends CompletionStage<T>> call, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        Throwable failure = null;
        try {
            for (long left = timeoutNanos; left > 0; left = deadline - System.nanoTime()) {
                try {
                    return call.apply(Duration.ofMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))))
                            .toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException | RuntimeException e) {
                    failure = e instanceof ExecutionException ? e.getCause() : e;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MILLIS),
                        deadline - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new L2UnavailableException("Interrupted waiting for Redis", e, false);
        }
        throw new L2UnavailableException("Redis did not answer within "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms at start-up: " + failure, failure, false);
    }

    /** Whether the breaker currently lets calls through (closed or probing). */
    public boolean available() {
        CircuitBreaker.State state = breaker.getState();
        return state == CircuitBreaker.State.CLOSED || state == CircuitBreaker.State.HALF_OPEN;
    }

    public String state() {
        return breaker.getState().name();
    }
}
