package io.tiercache.observability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.l1.L1Tier;
import io.tiercache.cache.stats.LatencySnapshot;
import io.tiercache.cache.stats.LayerStatistics;
import io.tiercache.cache.stats.TieredCacheStatistics;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gauges of one cache, all tagged {@code cache=<name>}, reading the engine's own statistics: one snapshot serves
 * every gauge read within {@value #SNAPSHOT_MILLIS} ms, so a scrape sees consistent figures and costs one snapshot.
 * Cumulative counts are gauges named {@code ….total} (MicroProfile Metrics 5 has no counter backed by a function;
 * {@code rate()} and {@code increase()} work on them in PromQL). See {@code docs/observability.md} for the list.
 *
 * <p>Thread-safe: gauges are read by the metrics endpoint's threads.
 */
final class CacheGauges {

    static final long SNAPSHOT_MILLIS = 500;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final String COUNT = MetricUnits.NONE;

    private final MetricRegistry registry;
    private final TieredCache<?, ?> cache;
    private final HazelcastInstance hazelcast;
    private final List<MetricID> registered = new ArrayList<>();
    private volatile Timed last;

    /**
     * @param hazelcast the engine's Hazelcast member, for the L1 size, or null (client mode); there is no L1 size
     *                  gauge without a member or when the cache has no L1
     */
    CacheGauges(MetricRegistry registry, TieredCache<?, ?> cache, HazelcastInstance hazelcast) {
        this.registry = registry;
        this.cache = cache;
        this.hazelcast = hazelcast;
    }

    TieredCache<?, ?> cache() {
        return cache;
    }

    void register() {
        for (Layer layer : Layer.values()) {
            Tag tag = new Tag("layer", layer.tag);
            layerCount("hits", "Reads answered by the layer", layer, LayerStatistics::hits, tag);
            layerCount("misses", "Reads the layer could not answer", layer, LayerStatistics::misses, tag);
            layerCount("puts", "Entries written to the layer (puts and promotions)", layer, LayerStatistics::puts,
                    tag);
            layerCount("evictions", "Entries evicted for size (L1: those owned by this member)", layer,
                    LayerStatistics::evictions, tag);
            layerCount("expirations", "Entries expired (L1: owned by this member; L2: read after expiry)", layer,
                    LayerStatistics::expirations, tag);
            layerCount("errors", "Calls to the layer that failed or exceeded the time bound", layer,
                    LayerStatistics::errors, tag);
            layerCount("skipped", "Calls not made because the circuit breaker was open", layer,
                    LayerStatistics::skipped, tag);
            gauge("tiercache.cache.hit.ratio", "Hits over reads of the layer (NaN before the first read)", COUNT,
                    s -> ratio(layer.of(s).hits(), layer.of(s).misses()), tag);
            latency("tiercache.cache.latency", "Read latency of the layer", s -> layer.of(s).latency(), tag);
        }
        gauge("tiercache.cache.gets.total", "Reads of the cache by result", COUNT, TieredCacheStatistics::hits,
                new Tag("result", "hit"));
        gauge("tiercache.cache.gets.total", "Reads of the cache by result", COUNT, TieredCacheStatistics::misses,
                new Tag("result", "miss"));
        gauge("tiercache.cache.gets.hit.ratio", "Hits in either layer over reads (NaN before the first read)", COUNT,
                s -> ratio(s.hits(), s.misses()));
        gauge("tiercache.cache.writes.total", "Entries put by callers and by loaders", COUNT,
                TieredCacheStatistics::puts);
        gauge("tiercache.cache.removals.total", "Entries removed by remove and removeAll(keys)", COUNT,
                TieredCacheStatistics::removals);
        gauge("tiercache.cache.loads.total", "Loader runs by result", COUNT, TieredCacheStatistics::loads,
                new Tag("result", "success"));
        gauge("tiercache.cache.loads.total", "Loader runs by result", COUNT, TieredCacheStatistics::loadFailures,
                new Tag("result", "failure"));
        gauge("tiercache.cache.load.time", "Time spent in loaders, in total", MetricUnits.SECONDS,
                s -> s.loadTimeNanos() / NANOS_PER_SECOND);
        latency("tiercache.cache.load.latency", "Latency of loader runs", TieredCacheStatistics::load);
        String mapName = L1Tier.mapName(cache.getName());
        if (hazelcast != null && hazelcast.getConfig().getMapConfigOrNull(mapName) != null) {
            IMap<?, ?> map = hazelcast.getMap(mapName);
            registerGauge(Metadata.builder().withName("tiercache.cache.l1.entries")
                            .withDescription("Entries of the L1 map owned by this member").withUnit(COUNT).build(),
                    () -> map.getLocalMapStats().getOwnedEntryCount(), cacheTag());
        }
    }

    void unregister() {
        registered.forEach(registry::remove);
        registered.clear();
    }

    private void layerCount(String what, String description, Layer layer, ToDoubleFunction<LayerStatistics> value,
                            Tag tag) {
        gauge("tiercache.cache." + what + ".total", description, COUNT,
                s -> value.applyAsDouble(layer.of(s)), tag);
    }

    private void latency(String name, String description, Function<TieredCacheStatistics, LatencySnapshot> latency,
                         Tag... tags) {
        String quantiles = description + " (percentiles of every sample since the cache started)";
        gauge(name, quantiles, MetricUnits.SECONDS, s -> latency.apply(s).p50Nanos() / NANOS_PER_SECOND,
                with(tags, new Tag("quantile", "0.5")));
        gauge(name, quantiles, MetricUnits.SECONDS, s -> latency.apply(s).p95Nanos() / NANOS_PER_SECOND,
                with(tags, new Tag("quantile", "0.95")));
        gauge(name, quantiles, MetricUnits.SECONDS, s -> latency.apply(s).p99Nanos() / NANOS_PER_SECOND,
                with(tags, new Tag("quantile", "0.99")));
        gauge(name + ".max", description + ", longest", MetricUnits.SECONDS,
                s -> latency.apply(s).maxNanos() / NANOS_PER_SECOND, tags);
        gauge(name + ".samples", description + ", operations timed", COUNT, s -> latency.apply(s).count(), tags);
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<TieredCacheStatistics> value,
                       Tag... tags) {
        Metadata metadata = Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
        registerGauge(metadata, () -> value.applyAsDouble(snapshot()), with(tags, cacheTag()));
    }

    private void registerGauge(Metadata metadata, Supplier<? extends Number> value, Tag... tags) {
        registry.gauge(metadata, value::get, tags);
        registered.add(new MetricID(metadata.getName(), tags));
    }

    private Tag cacheTag() {
        return new Tag("cache", cache.getName());
    }

    private TieredCacheStatistics snapshot() {
        Timed current = last;
        long now = System.nanoTime();
        if (current == null || now - current.nanos > SNAPSHOT_MILLIS * 1_000_000) {
            current = new Timed(cache.snapshot(), now);
            last = current;
        }
        return current.statistics;
    }

    private static double ratio(long hits, long misses) {
        long reads = hits + misses;
        return reads == 0 ? Double.NaN : (double) hits / reads;
    }

    private static Tag[] with(Tag[] tags, Tag tag) {
        Tag[] all = Arrays.copyOf(tags, tags.length + 1);
        all[tags.length] = tag;
        return all;
    }

    private record Timed(TieredCacheStatistics statistics, long nanos) {
    }

    private enum Layer {
        L1("l1", TieredCacheStatistics::l1),
        L2("l2", TieredCacheStatistics::l2);

        final String tag;
        private final Function<TieredCacheStatistics, LayerStatistics> layer;

        Layer(String tag, Function<TieredCacheStatistics, LayerStatistics> layer) {
            this.tag = tag;
            this.layer = layer;
        }

        LayerStatistics of(TieredCacheStatistics statistics) {
            return layer.apply(statistics);
        }
    }
}
