package io.tiercache.observability;

import io.tiercache.cache.LatencySnapshot;
import io.tiercache.cache.LayerStatistics;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.TieredCacheStatistics;
import io.tiercache.observability.MeterDefinition.Kind;
import io.tiercache.observability.MeterDefinition.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The meters of the cache named {@code cache}, all tagged {@code cache=<name>}, reading the engine's own statistics
 * of the cache of that name open now: all zero while there is none (before its first use, after it is closed). So
 * they can be registered before the cache exists, and every series is there from the first scrape. One snapshot
 * serves every meter read within {@value #SNAPSHOT_MILLIS} ms, so a scrape sees consistent figures and costs one
 * snapshot. See {@code docs/observability.md} for the list.
 *
 * <p>Thread-safe: the meters are read by the metrics endpoint's threads.
 */
final class CacheMeters {

    static final long SNAPSHOT_MILLIS = 500;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final LatencySnapshot NO_LATENCY = new LatencySnapshot(0, 0, 0, 0, 0, 0);
    private static final LayerStatistics NO_LAYER = new LayerStatistics(0, 0, 0, 0, 0, 0, 0, NO_LATENCY);

    private final String name;
    private final Supplier<Optional<TieredCache<?, ?>>> cache;
    private final List<MeterDefinition> meters = new ArrayList<>();
    private final List<LatencyDefinition> latencies = new ArrayList<>();
    private volatile Timed last;

    /** The meters of the cache {@code name}, found by {@code cache} (empty while it is not open). */
    CacheMeters(String name, Supplier<Optional<TieredCache<?, ?>>> cache) {
        this.name = name;
        this.cache = cache;
        for (Layer layer : Layer.values()) {
            Map<String, String> tag = Map.of("layer", layer.tag);
            layerCount("hits", "Reads answered by the layer", layer, LayerStatistics::hits);
            layerCount("misses", "Reads the layer could not answer", layer, LayerStatistics::misses);
            layerCount("puts", "Entries written to the layer (puts and promotions)", layer, LayerStatistics::puts);
            layerCount("evictions", "Entries evicted for size (L1: those owned by this member)", layer,
                    LayerStatistics::evictions);
            layerCount("expirations", "Entries expired (L1: owned by this member; L2: read after expiry)", layer,
                    LayerStatistics::expirations);
            layerCount("errors", "Calls to the layer that failed or exceeded the time bound", layer,
                    LayerStatistics::errors);
            layerCount("skipped", "Calls not made because the circuit breaker was open", layer,
                    LayerStatistics::skipped);
            statistic("tiercache.cache.hit.ratio", Kind.GAUGE, "Hits over reads of the layer (NaN before the first read)",
                    Unit.NONE, s -> ratio(layer.of(s).hits(), layer.of(s).misses()), tag);
            latency("tiercache.cache.latency", "Read latency of the layer (every sample since the cache started)",
                    s -> layer.of(s).latency(), tag);
        }
        statistic("tiercache.cache.gets", Kind.COUNT, "Reads of the cache by result", Unit.NONE,
                TieredCacheStatistics::hits, Map.of("result", "hit"));
        statistic("tiercache.cache.gets", Kind.COUNT, "Reads of the cache by result", Unit.NONE,
                TieredCacheStatistics::misses, Map.of("result", "miss"));
        statistic("tiercache.cache.gets.hit.ratio", Kind.GAUGE,
                "Hits in either layer over reads (NaN before the first read)", Unit.NONE,
                s -> ratio(s.hits(), s.misses()), Map.of());
        statistic("tiercache.cache.writes", Kind.COUNT, "Entries put by callers and by loaders", Unit.NONE,
                TieredCacheStatistics::puts, Map.of());
        statistic("tiercache.cache.removals", Kind.COUNT, "Entries removed by remove and removeAll(keys)", Unit.NONE,
                TieredCacheStatistics::removals, Map.of());
        statistic("tiercache.cache.loads", Kind.COUNT, "Loader runs by result", Unit.NONE,
                TieredCacheStatistics::loads, Map.of("result", "success"));
        statistic("tiercache.cache.loads", Kind.COUNT, "Loader runs by result", Unit.NONE,
                TieredCacheStatistics::loadFailures, Map.of("result", "failure"));
        statistic("tiercache.cache.load.time", Kind.COUNT, "Time spent in loaders", Unit.SECONDS,
                s -> s.loadTimeNanos() / NANOS_PER_SECOND, Map.of());
        latency("tiercache.cache.load.latency", "Latency of loader runs (every sample since the cache started)",
                TieredCacheStatistics::load, Map.of());
    }

    /** The counters and gauges of the cache. */
    List<MeterDefinition> meters() {
        return List.copyOf(meters);
    }

    /** The latency distributions of the cache. */
    List<LatencyDefinition> latencies() {
        return List.copyOf(latencies);
    }

    /**
     * The gauge of the L1 entries this member owns, for a cache that has such a figure (an L1, and the engine a
     * Hazelcast member): 0 while the cache is not open.
     */
    MeterDefinition l1Entries() {
        return new MeterDefinition("tiercache.cache.l1.entries", Kind.GAUGE,
                "Entries of the L1 map owned by this member", Unit.NONE, tags(Map.of()),
                () -> cache.get().map(open -> open.l1OwnedEntries().orElse(0)).orElse(0L));
    }

    private void layerCount(String what, String description, Layer layer, ToDoubleFunction<LayerStatistics> value) {
        statistic("tiercache.cache." + what, Kind.COUNT, description, Unit.NONE,
                s -> value.applyAsDouble(layer.of(s)), Map.of("layer", layer.tag));
    }

    private void latency(String metric, String description, Function<TieredCacheStatistics, LatencySnapshot> latency,
                         Map<String, String> tags) {
        latencies.add(new LatencyDefinition(metric, description, tags(tags), () -> latency.apply(snapshot())));
    }

    private void statistic(String metric, Kind kind, String description, Unit unit,
                           ToDoubleFunction<TieredCacheStatistics> value, Map<String, String> tags) {
        meters.add(new MeterDefinition(metric, kind, description, unit, tags(tags),
                () -> value.applyAsDouble(snapshot())));
    }

    /** {@code cache} first, then {@code tags}. */
    private Map<String, String> tags(Map<String, String> tags) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("cache", name);
        all.putAll(tags);
        return all;
    }

    private TieredCacheStatistics snapshot() {
        Timed current = last;
        long now = System.nanoTime();
        if (current == null || now - current.nanos > SNAPSHOT_MILLIS * 1_000_000) {
            current = new Timed(cache.get().map(TieredCache::snapshot).orElseGet(this::none), now);
            last = current;
        }
        return current.statistics;
    }

    private TieredCacheStatistics none() {
        return new TieredCacheStatistics(name, 0, 0, 0, 0, 0, 0, 0, NO_LAYER, NO_LAYER, NO_LATENCY, NO_LATENCY);
    }

    private static double ratio(long hits, long misses) {
        long reads = hits + misses;
        return reads == 0 ? Double.NaN : (double) hits / reads;
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
