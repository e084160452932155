package io.tiercache.cache.l2;

import com.hazelcast.map.IMap;
import io.tiercache.cache.key.KeyCodec;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.OptionalOptions;
import org.redisson.api.options.PlainOptions;
import org.redisson.client.codec.StringCodec;

/**
 * The generation of one cache's L2 entries: every value written to Redis carries the generation current at the time,
 * and a value read back is served only if its generation equals the current one.
 *
 * <p>Why a generation: when a write or an invalidation cannot reach Redis (circuit open, failure, time bound
 * exceeded, a pattern scan cut short) the entries it should have replaced or deleted stay in Redis, and nothing can
 * delete them while Redis is away. Bumping the generation instead makes all of them unservable at once, on every
 * member, and stays true when Redis comes back: no entry invalidated during an outage is ever served again. A replay
 * log would keep more entries alive but must itself be stored somewhere that survives, be replayed before the first
 * read, and cover patterns and writes whose outcome is unknown (a timed-out SET may still land); the generation covers
 * all of these with one number. The cost is that an outage empties L2 for that cache, which refills from the
 * loaders.
 *
 * <p>Where it lives: a Hazelcast map {@code tiercache-meta.generations} (cache name to generation, raised by a
 * compare-and-set), so every member agrees while Redis is down; each bump is also pushed synchronously to every
 * member (see {@code io.tiercache.cache.cluster}). It is mirrored in Redis under
 * {@code tiercache-meta:<cache>:generation} as soon as Redis can be written, so that a whole new cluster starts from
 * it. Generations are monotonic ({@code max(current + 1, now in ms)}, and never below the registry's), so a value
 * never comes back after a restart that lost the map. When neither place knows the generation (Redis has none, or
 * did not answer within the connect timeout as the cache opened), the current time starts a new one (all old entries
 * are then ignored).
 *
 * <p>Thread-safe: the current generation is a volatile read on the hot path.
 */
public final class Generation {

    /** The name of the Hazelcast map of the generations, which no cache's L1 map can have. */
    public static final String REGISTRY = "tiercache-meta.generations";

    private static final String PERSIST = "local c = tonumber(redis.call('get', KEYS[1]) or '0') "
            + "if c < tonumber(ARGV[1]) then redis.call('set', KEYS[1], ARGV[1]) return 1 end return 0";

    private final String cacheName;
    private final IMap<String, Long> registry;
    private final RedissonClient redisson;
    private final RedisGuard guard;
    private final String metaKey;
    private final AtomicLong current;
    private final AtomicLong persisted = new AtomicLong();
    private final InstantSource clock;

    private Generation(String cacheName, IMap<String, Long> registry, RedissonClient redisson, RedisGuard guard,
                       long initial, long persisted, InstantSource clock) {
        this.cacheName = cacheName;
        this.clock = clock;
        this.registry = registry;
        this.redisson = redisson;
        this.guard = guard;
        this.metaKey = metaKey(cacheName);
        this.current = new AtomicLong(initial);
        this.persisted.set(persisted);
    }

    /** The Redis key of the generation of {@code cacheName}, with the name in its {@link KeyCodec#redisName} form. */
    public static String metaKey(String cacheName) {
        return "tiercache-meta:" + KeyCodec.redisName(cacheName) + ":generation";
    }

    /**
     * The generation of {@code cacheName}: from Hazelcast, else from Redis, else a new one. Opening is a start-up
     * step: reading the generation from Redis, and then mirroring it there if Redis has an older one, together wait up
     * to {@code startupTimeoutNanos} (the connect timeout), since the first call may have to connect or meet a slow
     * first answer (see {@link RedisGuard#callAtStartup}). Only when Redis does not answer within that time is a new
     * generation started: every entry already in Redis is then ignored and refilled from the loaders, the safe choice
     * since Redis may hold entries that a newer generation, unknown here, made unservable.
     */
    public static Generation open(String cacheName, IMap<String, Long> registry, RedissonClient redisson,
                                  RedisGuard guard, long startupTimeoutNanos, InstantSource clock) {
        long deadline = System.nanoTime() + startupTimeoutNanos;
        Long known = registry.get(cacheName);
        long fromRedis = 0;
        if (known == null) {
            try {
                String stored = guard.callAtStartup(timeout -> redisson.<String>getBucket(PlainOptions
                        .name(metaKey(cacheName)).codec(StringCodec.INSTANCE).timeout(timeout)).getAsync(),
                        deadline - System.nanoTime());
                fromRedis = stored == null ? 0 : Long.parseLong(stored);
            } catch (L2UnavailableException e) {
                fromRedis = 0;
            }
            long candidate = fromRedis != 0 ? fromRedis : clock.millis();
            Long raced = registry.putIfAbsent(cacheName, candidate);
            known = raced != null ? raced : candidate;
        }
        Generation generation = new Generation(cacheName, registry, redisson, guard, known, fromRedis, clock);
        generation.persistIfNeeded(now -> guard.callAtStartup(timeout -> generation.persist(redisson.getScript(
                OptionalOptions.defaults().codec(StringCodec.INSTANCE).timeout(timeout)), now),
                deadline - System.nanoTime()));
        return generation;
    }

    public long current() {
        return current.get();
    }

    /**
     * Starts a new generation cluster-wide and returns the generation this member is at afterwards: {@code max(current
     * + 1, now)}, or the registry's when another member's bump got further. The registry (a Hazelcast map) is raised
     * to it by a compare-and-set loop rather than an entry processor, so that the members of an external cluster
     * (client mode) need none of the engine's classes; the loop runs on {@code executor} and is waited for at most
     * {@code timeoutNanos}, since the registry's partition may be owned by a member that stands still, which Hazelcast
     * waits out until it drops that member. When it does not finish in time it goes on in the background and this
     * member adopts the registry's generation if that is higher once it does. The caller tells the other members.
     * Either way the registry never ends below a generation handed out, so a later bump anywhere starts past it.
     */
    public long bump(long timeoutNanos, Executor executor) {
        long next = current.updateAndGet(known -> Math.max(known + 1, clock.millis()));
        CompletableFuture<Long> reached = CompletableFuture.supplyAsync(() -> register(next), executor)
                .thenApply(this::advanceTo);
        try {
            return reached.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return next;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** Raises the registry's generation to at least {@code generation}; returns the registry's generation then. */
    private long register(long generation) {
        while (true) {
            Long previous = registry.get(cacheName);
            if (previous != null && previous >= generation) {
                return previous;
            }
            boolean won = previous == null
                    ? registry.putIfAbsent(cacheName, generation) == null
                    : registry.replace(cacheName, previous, generation);
            if (won) {
                return generation;
            }
        }
    }

    /** Catches up with the cluster's registry, e.g. after this member missed bumps while it was paused. */
    public void refresh() {
        Long known = registry.get(cacheName);
        if (known != null) {
            advanceTo(known);
        }
    }

    /**
     * Catches up with the cluster's registry within {@code timeoutNanos}; returns whether the registry answered in
     * time (the current generation is then at least the registry's).
     */
    public boolean refresh(long timeoutNanos) {
        try {
            Long known = registry.getAsync(cacheName).toCompletableFuture().get(timeoutNanos, TimeUnit.NANOSECONDS);
            if (known != null) {
                advanceTo(known);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return false;
        }
    }

    /** Adopts a generation started elsewhere (never goes back); returns the generation this member is at. */
    public long advanceTo(long generation) {
        return current.accumulateAndGet(generation, Math::max);
    }

    /** Mirrors the current generation into Redis if it is not there yet, within the Redis bound; cheap when it is. */
    public void persistIfNeeded() {
        persistIfNeeded(now -> guard.call(() -> persist(redisson.getScript(StringCodec.INSTANCE), now)));
    }

    private void persistIfNeeded(LongConsumer persist) {
        long now = current.get();
        if (persisted.get() >= now) {
            return;
        }
        try {
            persist.accept(now);
            persisted.accumulateAndGet(now, Math::max);
        } catch (L2UnavailableException e) {
            // stays unpersisted; retried after the next successful write
        }
    }

    private CompletionStage<Long> persist(RScript script, long generation) {
        return script.evalAsync(metaKey, RScript.Mode.READ_WRITE, PERSIST, RScript.ReturnType.INTEGER,
                List.of(metaKey), Long.toString(generation));
    }
}
