package io.tiercache.admin;

import io.tiercache.cache.LatencySnapshot;
import io.tiercache.cache.LayerStatistics;
import io.tiercache.cache.TieredCacheStatistics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The JSON of one cache's statistics in {@code GET /api/cache/stats}: cumulative counts since the cache was created
 * on this instance, hit ratios ({@code null} before the first read) and latency percentiles in milliseconds.
 */
final class StatisticsJson {

    private static final double NANOS_PER_MILLI = 1e6;

    private StatisticsJson() {
    }

    static JsonObject of(TieredCacheStatistics s) {
        return Json.createObjectBuilder()
                .add("name", s.cacheName())
                .add("gets", ratio(Json.createObjectBuilder().add("hits", s.hits()).add("misses", s.misses()),
                        s.hits(), s.misses()))
                .add("writes", s.puts())
                .add("removals", s.removals())
                .add("loads", Json.createObjectBuilder()
                        .add("successes", s.loads())
                        .add("failures", s.loadFailures())
                        .add("totalMillis", s.loadTimeNanos() / NANOS_PER_MILLI)
                        .add("latency", latency(s.load())))
                .add("layers", Json.createObjectBuilder().add("l1", layer(s.l1())).add("l2", layer(s.l2())))
                .build();
    }

    private static JsonObjectBuilder layer(LayerStatistics layer) {
        return ratio(Json.createObjectBuilder()
                        .add("hits", layer.hits())
                        .add("misses", layer.misses()), layer.hits(), layer.misses())
                .add("puts", layer.puts())
                .add("evictions", layer.evictions())
                .add("expirations", layer.expirations())
                .add("errors", layer.errors())
                .add("skipped", layer.skipped())
                .add("latency", latency(layer.latency()));
    }

    private static JsonObjectBuilder ratio(JsonObjectBuilder json, long hits, long misses) {
        long reads = hits + misses;
        return reads == 0 ? json.addNull("hitRatio") : json.add("hitRatio", (double) hits / reads);
    }

    private static JsonObjectBuilder latency(LatencySnapshot latency) {
        return Json.createObjectBuilder()
                .add("samples", latency.count())
                .add("p50Millis", latency.p50Nanos() / NANOS_PER_MILLI)
                .add("p95Millis", latency.p95Nanos() / NANOS_PER_MILLI)
                .add("p99Millis", latency.p99Nanos() / NANOS_PER_MILLI)
                .add("maxMillis", latency.maxNanos() / NANOS_PER_MILLI)
                .add("meanMillis", latency.meanNanos() / NANOS_PER_MILLI);
    }
}
