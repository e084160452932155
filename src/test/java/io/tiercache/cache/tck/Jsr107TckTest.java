package io.tiercache.cache.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.tiercache.cache.EngineFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import redis.embedded.RedisServer;

/**
 * Runs the JSR-107 TCK 1.1.1 (JUnit 4, through the vintage engine) against the tiered provider with a Hazelcast member
 * of its own and a redis-server of its own, and holds it to {@code tck/not-implemented.txt}: a TCK test that fails
 * and is not listed fails this test, and so does a listed test that passes (remove it from the list).
 *
 * <p>Excluded, as the TCK allows: the TCK's own {@code ExcludeList} ({@code tck/ExcludeList}), and
 * {@code javax.cache.CachingTest#testJCacheCachingProviders}, which counts the providers on the class path (Hazelcast
 * and Redisson bring their own). The annotation tests ({@code org.jsr107.tck.annotation}) run against this project's
 * CDI interceptors through {@code io.tiercache.cache.annotation.TckBeanProvider} (Weld SE).
 * {@code javax.cache.CachingTest} clears the provider property, so it runs last, in a launch of its own.
 *
 * <p>Runs only in the surefire execution {@code jsr107-tck} (system property {@code tiercache.tck}), which sets the
 * properties the TCK reads. Writes the outcome per class to {@code target/tck-summary.txt}.
 */
final class Jsr107TckTest {

    private static final String NOT_IMPLEMENTED = "tck/not-implemented.txt";
    private static final String PROVIDER_COUNT = "javax.cache.CachingTest#testJCacheCachingProviders";
    private static final String CACHING_TEST = "javax.cache.CachingTest";

    @Test
    void tckFailsExactlyWhatIsListedAsNotImplemented() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("tiercache.tck"), "runs in the surefire execution jsr107-tck");
        int redisPort = EngineFixture.freePort();
        RedisServer redis = EngineFixture.startRedis(redisPort);
        Outcomes outcomes = new Outcomes();
        long start = System.nanoTime();
        try {
            engineProperties(redisPort);
            String provider = System.getProperty("javax.cache.spi.CachingProvider");
            run(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("org.jsr107.tck"), selectPackage("javax.cache"))
                    .filters(ClassNameFilter.includeClassNamePatterns(".*Test"),
                            ClassNameFilter.excludeClassNamePatterns(CACHING_TEST.replace(".", "\\.")))
                    .build(), outcomes);
            run(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(CACHING_TEST))
                    .filters(excluding(PROVIDER_COUNT)).build(), outcomes);
            System.setProperty("javax.cache.spi.CachingProvider", provider);
        } finally {
            EngineFixture.stop(redis);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        Files.writeString(Path.of("target", "tck-summary.txt"), outcomes.summary(seconds));
        Files.writeString(Path.of("target", "tck-failures.txt"), outcomes.failures());
        System.out.print(outcomes.summary(seconds));

        Set<String> listed = notImplemented();
        Set<String> unlistedFailures = new TreeSet<>(outcomes.failed.keySet());
        unlistedFailures.removeAll(listed);
        Set<String> listedButPassing = new TreeSet<>(listed);
        listedButPassing.retainAll(outcomes.passed);
        Set<String> listedButUnknown = new TreeSet<>(listed);
        listedButUnknown.removeAll(outcomes.failed.keySet());
        listedButUnknown.removeAll(outcomes.passed);
        StringBuilder problems = new StringBuilder();
        unlistedFailures.forEach(t -> problems.append("\nfails, not listed: ").append(t));
        listedButPassing.forEach(t -> problems.append("\npasses, remove it from the list: ").append(t));
        listedButUnknown.forEach(t -> problems.append("\nlisted, but the TCK has no such test that ran: ").append(t));
        if (problems.length() > 0) {
            throw new AssertionError(NOT_IMPLEMENTED + " does not match the TCK run:" + problems);
        }
    }

    /** The engine's settings for the TCK's cache managers, as system properties (read through MicroProfile Config). */
    private static void engineProperties(int redisPort) {
        Properties properties = EngineFixture.properties("tck-" + UUID.randomUUID(), EngineFixture.freePort(),
                redisPort);
        properties.setProperty("tiercache.hazelcast.port-auto-increment", "true");
        properties.setProperty("tiercache.redis.timeout", "2s");
        properties.setProperty("tiercache.codec.allow", "io.tiercache.**;java.lang.*;java.util.*;java.time.*;"
                + "java.math.*;domain.*;org.jsr107.tck.**;javax.cache.**");
        properties.forEach((name, value) -> System.setProperty((String) name, (String) value));
    }

    private static PostDiscoveryFilter excluding(String test) {
        return descriptor -> descriptor.getSource()
                .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .filter(m -> (m.getClassName() + "#" + m.getMethodName()).equals(test))
                .map(m -> FilterResult.excluded("excluded: counts the providers on the class path"))
                .orElse(FilterResult.included("TCK test"));
    }

    private static void run(LauncherDiscoveryRequest request, Outcomes outcomes) {
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, outcomes);
    }

    private static Set<String> notImplemented() throws IOException {
        try (InputStream in = Jsr107TckTest.class.getClassLoader().getResourceAsStream(NOT_IMPLEMENTED)) {
            if (in == null) {
                throw new IllegalStateException("No " + NOT_IMPLEMENTED + " on the test class path");
            }
            Set<String> listed = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String test = line.strip();
                if (!test.isEmpty() && !test.startsWith("#")) {
                    listed.add(test);
                }
            }
            return listed;
        }
    }

    /** The outcome of every TCK test method, as {@code class#method}. */
    private static final class Outcomes implements TestExecutionListener {

        private final Set<String> passed = ConcurrentHashMap.newKeySet();
        private final Map<String, String> failed = new ConcurrentHashMap<>();
        private final Set<String> skipped = ConcurrentHashMap.newKeySet();

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            name(test).ifPresent(skipped::add);
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            name(test).ifPresent(name -> {
                switch (result.getStatus()) {
                    case SUCCESSFUL -> passed.add(name);
                    case ABORTED -> skipped.add(name);
                    case FAILED -> failed.put(name, result.getThrowable().map(Outcomes::describe).orElse("failed"));
                }
            });
        }

        /** The failure with the first lines of its trace, and those of each failure a JUnit 4 rule collected. */
        private static String describe(Throwable failure) {
            StringBuilder text = new StringBuilder(failure.toString());
            List<Throwable> parts = failure instanceof org.opentest4j.MultipleFailuresError multiple
                    ? multiple.getFailures() : List.of(failure);
            for (Throwable part : parts) {
                text.append("\n    ").append(part);
                StackTraceElement[] trace = part.getStackTrace();
                for (int i = 0; i < Math.min(4, trace.length); i++) {
                    text.append("\n      at ").append(trace[i]);
                }
            }
            return text.toString();
        }

        private static java.util.Optional<String> name(TestIdentifier test) {
            return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                    .map(m -> m.getClassName() + "#" + m.getMethodName());
        }

        String summary(long seconds) {
            Map<String, int[]> byClass = new TreeMap<>();
            passed.forEach(t -> byClass.computeIfAbsent(className(t), c -> new int[3])[0]++);
            failed.keySet().forEach(t -> byClass.computeIfAbsent(className(t), c -> new int[3])[1]++);
            skipped.forEach(t -> byClass.computeIfAbsent(className(t), c -> new int[3])[2]++);
            StringBuilder out = new StringBuilder(String.format(
                    "JSR-107 TCK: %d passed, %d failed, %d skipped in %d s%n",
                    passed.size(), failed.size(), skipped.size(), seconds));
            out.append(String.format("%-70s %6s %6s %7s%n", "class", "passed", "failed", "skipped"));
            byClass.forEach((c, n) -> out.append(String.format("%-70s %6d %6d %7d%n", c, n[0], n[1], n[2])));
            return out.toString();
        }

        String failures() {
            StringBuilder out = new StringBuilder();
            new TreeMap<>(failed).forEach((test, failure) ->
                    out.append(test).append(": ").append(failure).append('\n'));
            return out.toString();
        }

        private static String className(String test) {
            return test.substring(0, test.indexOf('#'));
        }
    }
}
