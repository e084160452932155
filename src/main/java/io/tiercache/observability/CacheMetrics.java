package io.tiercache.observability;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.Durations;
import io.tiercache.observability.MeterDefinition.Kind;
import io.tiercache.observability.MeterDefinition.Unit;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the cache engine's meters through every {@link MeterPublisher} of the deployment (MicroProfile Metrics
 * on Payara, Micrometer on WildFly): from startup, the meters of Redis and Hazelcast and those ({@link CacheMeters})
 * of every cache the application declares ({@link DeclaredCaches}), which read 0 until the cache is created on first
 * use. Caches created otherwise, and the L1 entries gauge (which only a cache with an L1 on a Hazelcast member has),
 * are found at startup and then every {@code tiercache.metrics.refresh-interval} (default {@code 5s}); a cache's
 * figures are cumulative, so nothing is lost before its meters appear. A cache's meters stay registered when it
 * is closed, reading 0 (or the figures of a new cache of that name).
 *
 * <p>Thread-safe: the start, {@link #refresh()} and the publishers' calls run under this object's lock.
 */
@ApplicationScoped
public class CacheMetrics {

    private static final System.Logger LOG = System.getLogger(CacheMetrics.class.getName());

    @Inject
    Instance<MeterPublisher> publisherBeans;

    @Inject
    CacheInventory inventory;

    @Inject
    DeclaredCaches declared;

    @Inject
    RedisProbe redis;

    @Inject
    @ConfigProperty(name = "tiercache.metrics.refresh-interval", defaultValue = "5s")
    String refreshInterval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, CacheMeters> caches = new HashMap<>();
    private final Set<String> withL1Entries = new HashSet<>();
    private List<MeterPublisher> publishers = List.of();
    private volatile ScheduledFuture<?> refresher;

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        publishers = publisherBeans.stream().toList();
        if (publishers.isEmpty()) {
            LOG.log(Level.WARNING, "No metrics registry (MicroProfile Metrics or Micrometer) is available: "
                    + "the cache metrics are not published");
            return;
        }
        engineMeters().forEach(this::add);
        declared.names().forEach(this::register);
        refresh();
        long every = Durations.parse("tiercache.metrics.refresh-interval", refreshInterval).toMillis();
        refresher = scheduler.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops the synchronisation; the registries and their meters go with the application. */
    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    /** Registers the meters of caches seen for the first time, and the L1 entries gauge of those that have one. */
    synchronized void refresh() {
        try {
            inventory.caches().forEach((name, cache) -> {
                CacheMeters meters = register(name);
                if (cache.l1OwnedEntries().isPresent() && withL1Entries.add(name)) {
                    add(meters.l1Entries());
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not refresh the cache metrics", e);
        }
    }

    private CacheMeters register(String name) {
        return caches.computeIfAbsent(name, n -> {
            CacheMeters meters = new CacheMeters(n, () -> inventory.cache(n));
            meters.meters().forEach(this::add);
            meters.latencies().forEach(latency -> publishers.forEach(publisher -> publisher.add(latency)));
            return meters;
        });
    }

    private void add(MeterDefinition meter) {
        publishers.forEach(publisher -> publisher.add(meter));
    }

    private List<MeterDefinition> engineMeters() {
        return List.of(
                new MeterDefinition("tiercache.redis.up", Kind.GAUGE,
                        "1 when Redis answers the cache engine's client, else 0", Unit.NONE, Map.of(),
                        () -> redis.probe().up() ? 1 : 0),
                new MeterDefinition("tiercache.redis.circuit.breaker.open", Kind.GAUGE,
                        "1 while the circuit breaker skips Redis, 0 while it lets calls through", Unit.NONE, Map.of(),
                        () -> inventory.manager().map(manager -> manager.redisAvailable() ? 0 : 1).orElse(1)),
                new MeterDefinition("tiercache.hazelcast.members", Kind.GAUGE,
                        "Members of the cache engine's Hazelcast cluster", Unit.NONE, Map.of(),
                        () -> inventory.manager().filter(manager -> !manager.isClosed())
                                .map(manager -> manager.unwrap(HazelcastInstance.class).getCluster().getMembers()
                                        .size())
                                .orElse(0)));
    }
}
