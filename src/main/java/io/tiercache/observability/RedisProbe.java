package io.tiercache.observability;

import io.tiercache.cache.Durations;
import io.tiercache.cache.TieredCacheManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RedissonClient;

/**
 * Checks that Redis answers the cache engine's own Redisson client: one {@code EXISTS} round trip, bounded by
 * {@code tiercache.health.redis-timeout} (default {@code 1s}). It bypasses the engine's circuit breaker, so it tells
 * whether Redis is reachable now, not whether the engine is currently using it. Thread-safe.
 */
@ApplicationScoped
public class RedisProbe {

    /** A key that is never written: the probe only needs Redis to answer. */
    static final String PROBE_KEY = "tiercache:health:probe";

    private final CacheInventory inventory;
    private final Duration timeout;

    @Inject
    public RedisProbe(CacheInventory inventory,
                      @ConfigProperty(name = "tiercache.health.redis-timeout", defaultValue = "1s") String timeout) {
        this.inventory = inventory;
        this.timeout = Durations.parse("tiercache.health.redis-timeout", timeout);
    }

    /** For CDI proxies only. */
    protected RedisProbe() {
        this.inventory = null;
        this.timeout = null;
    }

    /** Whether Redis answered within the bound; the reason when it did not. */
    public Result probe() {
        TieredCacheManager manager = inventory.manager().orElse(null);
        if (manager == null) {
            return new Result(false, 0, "the cache manager is not available");
        }
        RedissonClient redisson = manager.unwrap(RedissonClient.class);
        long start = System.nanoTime();
        try {
            redisson.getKeys().countExistsAsync(PROBE_KEY).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Result(true, System.nanoTime() - start, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, System.nanoTime() - start, "interrupted");
        } catch (TimeoutException e) {
            return new Result(false, System.nanoTime() - start, "no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return new Result(false, System.nanoTime() - start, String.valueOf(cause.getMessage()));
        }
    }

    /**
     * @param up         whether Redis answered
     * @param nanos      how long the probe took
     * @param failure    why it did not answer, or null
     */
    public record Result(boolean up, long nanos, String failure) {
    }
}
