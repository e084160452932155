package io.tiercache.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.tiercache.cache.TieredCache;
import io.tiercache.cache.LatencySnapshot;
import io.tiercache.cache.LayerStatistics;
import io.tiercache.cache.TieredCacheStatistics;
import io.tiercache.observability.MeterDefinition.Kind;
import io.tiercache.observability.MeterDefinition.Unit;

/**
 * The meters of one cache, all tagged {@code cache=<name>}, reading the engine's own statistics: one snapshot serves
 * every meter read within {@value #SNAPSHOT_MILLIS} ms, so a scrape sees consistent figures and costs one snapshot.
 * See {@code docs/observability.md} for the list.
 *
 * <p>Thread-safe: the meters are read by the metrics endpoint's threads.
 */
final class CacheMeters {

    static final long SNAPSHOT_MILLIS = 500;
    private static final double NANOS_PER_SECOND = 1e9;

    private final TieredCache<?, ?> cache;
    private final List<MeterDefinition> meters = new ArrayList<>();
    private volatile Timed last;

    /** The meters of {@code cache}; there is no L1 size meter when it has no L1 or the engine is a client. */
    CacheMeters(TieredCache<?, ?> cache) {
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
            latency("tiercache.cache.latency", "Read latency of the layer", s -> layer.of(s).latency(), tag);
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
        statistic("tiercache.cache.load.time", Kind.GAUGE, "Time spent in loaders, in total", Unit.SECONDS,
                s -> s.loadTimeNanos() / NANOS_PER_SECOND, Map.of());
        latency("tiercache.cache.load.latency", "Latency of loader runs", TieredCacheStatistics::load, Map.of());
        if (cache.l1OwnedEntries().isPresent()) {
            meters.add(new MeterDefinition("tiercache.cache.l1.entries", Kind.GAUGE,
                    "Entries of the L1 map owned by this member", Unit.NONE, tags(Map.of()),
                    () -> cache.l1OwnedEntries().orElse(0)));
        }
    }

    TieredCache<?, ?> cache() {
        return cache;
    }

    /** Every meter of the cache. */
    List<MeterDefinition> meters() {
        return List.copyOf(meters);
    }

    private void layerCount(String what, String description, Layer layer, ToDoubleFunction<LayerStatistics> value) {
        statistic("tiercache.cache." + what, Kind.COUNT, description, Unit.NONE,
                s -> value.applyAsDouble(layer.of(s)), Map.of("layer", layer.tag));
    }

    private void latency(String name, String description, Function<TieredCacheStatistics, LatencySnapshot> latency,
                         Map<String, String> tags) {
        String quantiles = description + " (percentiles of every sample since the cache started)";
        quantile(name, quantiles, "0.5", s -> latency.apply(s).p50Nanos(), tags);
        quantile(name, quantiles, "0.95", s -> latency.apply(s).p95Nanos(), tags);
        quantile(name, quantiles, "0.99", s -> latency.apply(s).p99Nanos(), tags);
        statistic(name + ".max", Kind.GAUGE, description + ", longest", Unit.SECONDS,
                s -> latency.apply(s).maxNanos() / NANOS_PER_SECOND, tags);
        statistic(name + ".samples", Kind.GAUGE, description + ", operations timed", Unit.NONE,
                s -> latency.apply(s).count(), tags);
    }

    private void quantile(String name, String description, String quantile,
                          ToDoubleFunction<TieredCacheStatistics> nanos, Map<String, String> tags) {
        Map<String, String> withQuantile = new LinkedHashMap<>(tags);
        withQuantile.put("quantile", quantile);
        statistic(name, Kind.GAUGE, description, Unit.SECONDS, s -> nanos.applyAsDouble(s) / NANOS_PER_SECOND,
                withQuantile);
    }

    private void statistic(String name, Kind kind, String description, Unit unit,
                           ToDoubleFunction<TieredCacheStatistics> value, Map<String, String> tags) {
        meters.add(new MeterDefinition(name, kind, description, unit, tags(tags),
                () -> value.applyAsDouble(snapshot())));
    }

    /** {@code cache} first, then {@code tags}. */
    private Map<String, String> tags(Map<String, String> tags) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("cache", cache.getName());
        all.putAll(tags);
        return all;
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
