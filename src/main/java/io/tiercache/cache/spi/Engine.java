package io.tiercache.cache.spi;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tiercache.cache.clock.TickingClock;
import io.tiercache.cache.cluster.ClusterMessenger;
import io.tiercache.cache.codec.AllowlistCodec;
import io.tiercache.cache.config.CacheSettings;
import io.tiercache.cache.config.EngineSettings;
import io.tiercache.cache.config.SettingsSource;
import io.tiercache.cache.key.KeyCodec;
import io.tiercache.cache.l1.HazelcastFactory;
import io.tiercache.cache.l1.L1Tier;
import io.tiercache.cache.l2.Generation;
import io.tiercache.cache.l2.L2Tier;
import io.tiercache.cache.l2.RedisGuard;
import io.tiercache.cache.l2.RedissonFactory;
import io.tiercache.cache.load.LoadCoordinator;
import io.tiercache.cache.stats.StatisticsRecorder;
import io.tiercache.cache.store.KeyLocks;
import io.tiercache.cache.store.TieredStore;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.RedissonClient;

/**
 * What one cache manager runs on, built from its settings and shut down with it: the Hazelcast instance (member or
 * client), the Redisson client and its {@link RedisGuard}, the allowlist codec, the {@link ClusterMessenger}, the
 * generation registry, the clock (which also notices when the process stood still, see {@link PauseRecovery}) and a
 * background executor (L1 writes that outlive their caller, pattern removals, pause recovery). It builds the {@link TieredStore} of each cache; the manager only keeps track of
 * caches and implements the JCache API over them.
 *
 * <p>Thread-safe.
 */
final class Engine implements AutoCloseable {

    /**
     * How long a load fence or tombstone lasts at most when its END never arrives (the writer died, a message was
     * lost): beyond a write's own bounds (Redis calls, the pattern scan, the members' acknowledgements) and the time
     * Hazelcast takes to drop a member that stopped answering (10 s by default), after which a pending L1 write is
     * retried on the key's new owner. A write whose L1 part takes longer (a Hazelcast configured to wait longer) may
     * outlive its fence.
     */
    private static final Duration FENCE_MARGIN = Duration.ofSeconds(30);

    private final SettingsSource source;
    private final EngineSettings settings;
    private final AllowlistCodec codec;
    private final HazelcastInstance hazelcast;
    private final RedissonClient redisson;
    private final RedisGuard guard;
    private final ClusterMessenger messenger;
    private final IMap<String, Long> generations;
    private final TickingClock clock;
    private final ExecutorService background;
    private final Set<TieredStore> stores = ConcurrentHashMap.newKeySet();
    private final PauseRecovery pauseRecovery;

    private Engine(Properties properties, ClassLoader classLoader) {
        this.source = SettingsSource.of(properties, classLoader);
        this.settings = EngineSettings.of(source);
        this.codec = new AllowlistCodec(settings.codecAllow(), settings.codecLimits(), classLoader);
        this.hazelcast = HazelcastFactory.start(settings, codec.allowPatterns(), classLoader);
        try {
            this.redisson = RedissonFactory.create(settings);
        } catch (RuntimeException e) {
            hazelcast.shutdown();
            throw e;
        }
        this.guard = new RedisGuard("redis-" + hazelcast.getName(), settings);
        RedissonFactory.connect(redisson, guard, settings.redisConnectTimeout());
        this.messenger = new ClusterMessenger(hazelcast, settings.clientMode(), settings.invalidationTimeout());
        this.generations = hazelcast.getMap(Generation.REGISTRY);
        this.background = Executors.newCachedThreadPool(daemonThreads("tiercache-background-" + hazelcast.getName()));
        this.pauseRecovery = new PauseRecovery(hazelcast, settings.clientMode(), settings.invalidationTimeout(),
                messenger, () -> stores, background);
        this.clock = new TickingClock(hazelcast.getName(), settings.invalidationTimeout().dividedBy(2),
                pauseRecovery);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts an engine: a Hazelcast instance that joins its cluster and a Redisson client (Redis may be down). */
    static Engine start(Properties properties, ClassLoader classLoader) {
        return new Engine(properties, classLoader);
    }

    SettingsSource source() {
        return source;
    }

    HazelcastInstance hazelcast() {
        return hazelcast;
    }

    RedissonClient redisson() {
        return redisson;
    }

    boolean redisAvailable() {
        return guard.available();
    }

    /** Opens the layers of cache {@code cacheName} and the store over them, registered for cluster messages. */
    TieredStore openStore(String cacheName, CacheSettings cacheSettings) {
        StatisticsRecorder stats = new StatisticsRecorder(cacheName, settings.latencyStatistics(),
                settings.l1LatencySample());
        L1Tier l1 = cacheSettings.l1Enabled()
                ? L1Tier.open(hazelcast, settings.clientMode(), cacheName, cacheSettings, settings.backupCount(),
                stats.l1Evictions(), stats.l1Expirations())
                : null;
        L2Tier l2 = cacheSettings.l2Enabled()
                ? new L2Tier(redisson, guard, new KeyCodec(cacheName), codec,
                Generation.open(cacheName, generations, redisson, guard, settings.redisConnectTimeout().toNanos(), clock),
                settings.scanCount(), settings.scanTimeout().toNanos(), clock)
                : null;
        Duration lease = FENCE_MARGIN.plus(settings.scanTimeout())
                .plus(settings.invalidationTimeout().multipliedBy(2));
        LoadCoordinator loads = new LoadCoordinator(lease, System::nanoTime, texts -> l1 == null
                ? CompletableFuture.completedFuture(null) : l1.removeAllAsync(texts, background));
        TieredStore store = new TieredStore(cacheName, cacheSettings, l1, l2, messenger, loads,
                new KeyLocks(hazelcast.getMap(KeyLocks.mapName(cacheName)), background), stats, clock, background);
        messenger.register(cacheName, store);
        stores.add(store);
        return store;
    }

    /** Stops routing cluster messages to {@code store}. */
    void closeStore(String cacheName, TieredStore store) {
        stores.remove(store);
        messenger.unregister(cacheName, store);
    }

    @Override
    public void close() {
        pauseRecovery.close();
        clock.close();
        try {
            messenger.close();
            redisson.shutdown();
        } finally {
            try {
                hazelcast.shutdown();
            } finally {
                background.shutdownNow();
            }
        }
    }
}
