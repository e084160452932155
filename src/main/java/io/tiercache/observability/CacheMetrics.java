package io.tiercache.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.config.Durations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Publishes the cache engine in the application metrics registry ({@code /metrics?scope=application}): the gauges
 * of Redis and Hazelcast from startup, and the gauges of each cache ({@link CacheGauges}). Caches are created on
 * first use, so the set of caches is synchronised at startup and then every
 * {@code tiercache.metrics.refresh-interval} (default {@code 5s}); a cache's figures are cumulative, so nothing is
 * lost before its gauges appear. A closed cache's gauges are removed.
 *
 * <p>Thread-safe: {@link #refresh()} runs under this object's lock.
 */
@ApplicationScoped
public class CacheMetrics {

    private static final Logger LOG = Logger.getLogger(CacheMetrics.class.getName());

    @Inject
    MetricRegistry registry;

    @Inject
    CacheInventory inventory;

    @Inject
    RedisProbe redis;

    @Inject
    @ConfigProperty(name = "tiercache.metrics.refresh-interval", defaultValue = "5s")
    String refreshInterval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, CacheGauges> caches = new HashMap<>();
    private volatile ScheduledFuture<?> refresher;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        registerEngineGauges();
        refresh();
        long every = Durations.parse("tiercache.metrics.refresh-interval", refreshInterval).toMillis();
        refresher = scheduler.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops the synchronisation; the registry and its gauges go with the application. */
    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    /** Registers the gauges of caches created since the last call and removes those of closed caches. */
    synchronized void refresh() {
        try {
            Map<String, TieredCache<?, ?>> open = inventory.caches();
            caches.entrySet().removeIf(entry -> {
                boolean gone = open.get(entry.getKey()) != entry.getValue().cache();
                if (gone) {
                    entry.getValue().unregister();
                }
                return gone;
            });
            HazelcastInstance member = inventory.manager()
                    .map(manager -> manager.unwrap(HazelcastInstance.class))
                    .filter(hazelcast -> hazelcast.getLocalEndpoint() instanceof Member)
                    .orElse(null);
            open.forEach((name, cache) -> caches.computeIfAbsent(name, n -> {
                CacheGauges gauges = new CacheGauges(registry, cache, member);
                gauges.register();
                return gauges;
            }));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not refresh the cache metrics", e);
        }
    }

    private void registerEngineGauges() {
        registry.gauge(Metadata.builder().withName("tiercache.redis.up")
                        .withDescription("1 when Redis answers the cache engine's client, else 0")
                        .withUnit(MetricUnits.NONE).build(),
                () -> redis.probe().up() ? 1 : 0);
        registry.gauge(Metadata.builder().withName("tiercache.redis.circuit.breaker.open")
                        .withDescription("1 while the circuit breaker skips Redis, 0 while it lets calls through")
                        .withUnit(MetricUnits.NONE).build(),
                () -> inventory.manager().map(manager -> manager.redisAvailable() ? 0 : 1).orElse(1));
        registry.gauge(Metadata.builder().withName("tiercache.hazelcast.members")
                        .withDescription("Members of the cache engine's Hazelcast cluster")
                        .withUnit(MetricUnits.NONE).build(),
                () -> inventory.manager().filter(manager -> !manager.isClosed())
                        .map(manager -> manager.unwrap(HazelcastInstance.class).getCluster().getMembers().size())
                        .orElse(0));
    }
}
