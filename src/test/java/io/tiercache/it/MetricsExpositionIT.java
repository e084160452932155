package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.observability.WarmRecorder;
import io.tiercache.it.observability.WorkloadService;
import io.tiercache.it.observability.WorkloadServlet;
import io.tiercache.it.support.PrometheusText;
import io.tiercache.it.support.Promtool;
import io.tiercache.it.support.TestEngine;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Prometheus exposition of the cache metrics on Payara Micro, scraped before any request (warming off, so no
 * cache exists yet): every series of every declared cache is there, counts are counters, latencies summaries, and
 * Prometheus' linter ({@code promtool check metrics}, where installed) finds nothing to say but about the gauges
 * Payara adds to every summary.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsExpositionIT extends DeployedApiTest {

    /** The caches the application and the test's workload declare. */
    private static final List<String> CACHES = List.of("strategies", "strategy-lists", "strategy-backtests",
            "backtests", "equity", WorkloadService.COUNTED, WorkloadService.SCRATCH);
    private static final List<String> LAYER_COUNTS = List.of("hits", "misses", "puts", "evictions", "expirations",
            "errors", "skipped");
    private static final List<String> QUANTILES = List.of("0.5", "0.95", "0.99");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEngine.war("tiercache.warm.enabled=false")
                .addClasses(WorkloadService.class, WorkloadServlet.class, WarmRecorder.class);
    }

    @Test
    @Order(1)
    void everySeriesOfEveryDeclaredCacheIsThereBeforeTheFirstRequest() {
        PrometheusText metrics = scrape();
        List<String> missing = new ArrayList<>();
        for (String cache : CACHES) {
            for (String layer : List.of("l1", "l2")) {
                Map<String, String> labels = Map.of("cache", cache, "layer", layer);
                LAYER_COUNTS.forEach(count -> expect(metrics, "tiercache_cache_" + count + "_total", labels, 0.0,
                        missing));
                expect(metrics, "tiercache_cache_hit_ratio", labels, Double.NaN, missing);
                expectSummary(metrics, "tiercache_cache_latency_seconds", labels, missing);
            }
            Map<String, String> labels = Map.of("cache", cache);
            expect(metrics, "tiercache_cache_gets_total", with(labels, "result", "hit"), 0.0, missing);
            expect(metrics, "tiercache_cache_gets_total", with(labels, "result", "miss"), 0.0, missing);
            expect(metrics, "tiercache_cache_gets_hit_ratio", labels, Double.NaN, missing);
            expect(metrics, "tiercache_cache_writes_total", labels, 0.0, missing);
            expect(metrics, "tiercache_cache_removals_total", labels, 0.0, missing);
            expect(metrics, "tiercache_cache_loads_total", with(labels, "result", "success"), 0.0, missing);
            expect(metrics, "tiercache_cache_loads_total", with(labels, "result", "failure"), 0.0, missing);
            expect(metrics, "tiercache_cache_load_time_seconds_total", labels, 0.0, missing);
            expectSummary(metrics, "tiercache_cache_load_latency_seconds", labels, missing);
        }
        assertTrue(missing.isEmpty(), "missing or not 0 before any request: " + missing);
    }

    @Test
    void countsAreCountersAndLatenciesSummaries() {
        PrometheusText metrics = scrape();
        List<String> wrong = new ArrayList<>();
        for (PrometheusText.Sample sample : metrics.samples()) {
            String name = sample.name();
            String family = name.replaceFirst("_(count|sum)$", "");
            Optional<String> type = metrics.type(name).or(() -> metrics.type(family));
            String expected = name.endsWith("_total") ? "counter"
                    : sample.labels().containsKey("quantile") || !family.equals(name) ? "summary" : "gauge";
            if (!type.equals(Optional.of(expected))) {
                wrong.add(name + " is " + type.orElse("untyped") + ", not " + expected);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.stream().distinct().toList()));
        assertEquals(Optional.of("counter"), metrics.type("tiercache_cache_hits_total"));
        assertEquals(Optional.of("summary"), metrics.type("tiercache_cache_latency_seconds"));
        assertEquals(Optional.of("summary"), metrics.type("tiercache_cache_load_latency_seconds"));
    }

    /**
     * Nothing but what Payara's exposition adds to every summary: a gauge {@code <summary>_mean}, written without
     * {@code # HELP} (Payara Micro 6.2025.10 writes none for it, whatever the registration says).
     */
    @Test
    void promtoolFindsNothingToSayButPayarasMeanGauges() throws Exception {
        api.get("workload/counted?id=1").close();
        api.get("workload/counted?id=1").close();
        String exposition = scrapeText();
        PrometheusText metrics = PrometheusText.parse(exposition);
        List<String> findings = Promtool.checkMetrics(exposition).lines()
                .filter(line -> !(line.endsWith("_mean no help text") && metrics.type(line.substring(0,
                        line.indexOf("_mean "))).equals(Optional.of("summary"))))
                .toList();
        assertEquals(List.of(), findings, "promtool check metrics on\n" + exposition);
    }

    private void expect(PrometheusText metrics, String name, Map<String, String> labels, double value,
                        List<String> missing) {
        Optional<Double> found = metrics.value(name, labels);
        if (found.isEmpty() || Double.compare(found.get(), value) != 0) {
            missing.add(name + labels + "=" + found.map(String::valueOf).orElse("absent"));
        }
    }

    private void expectSummary(PrometheusText metrics, String name, Map<String, String> labels,
                               List<String> missing) {
        QUANTILES.forEach(q -> expect(metrics, name, with(labels, "quantile", q), 0.0, missing));
        expect(metrics, name + "_count", labels, 0.0, missing);
        expect(metrics, name + "_sum", labels, 0.0, missing);
        expect(metrics, name + "_max", labels, 0.0, missing);
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(scrapeText());
    }

    private String scrapeText() {
        try (Response response = api.target("/metrics?scope=application").request("text/plain").get()) {
            assertEquals(200, response.getStatus());
            return response.readEntity(String.class);
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }
}
