package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.support.Pbkdf2Hashes;
import io.tiercache.it.support.TestEngine;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Logins to the cache admin API: credentials decoded as UTF-8 as the challenge advertises, and repeated failures
 * from one client refused with 429 without verifying a password, until the failure window ends, each refusal sent
 * only after the refusal delay. Each test ends after the window, so that none sees another's failures.
 */
class AdminLoginIT extends DeployedApiTest {

    private static final String OPERATOR = "operator";
    private static final String OPERATOR_PASSWORD = "pässwörd ✓ Ωμέγα";
    private static final long WINDOW_MILLIS = 6_000;
    private static final long DELAY_MILLIS = 500;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEngine.war(Map.of(
                "tiercache.admin.users", OPERATOR + ":" + Pbkdf2Hashes.hash(OPERATOR_PASSWORD) + ":cache-admin",
                "tiercache.admin.max-failures-per-client", "5",
                "tiercache.admin.failure-window-seconds", Long.toString(WINDOW_MILLIS / 1000),
                "tiercache.admin.refusal-delay-millis", Long.toString(DELAY_MILLIS)));
    }

    @Test
    void aNonAsciiPasswordIsAccepted() {
        assertEquals(200, stats(OPERATOR_PASSWORD).getStatus());
    }

    @Test
    void repeatedFailuresAreRefusedWithoutVerificationUntilTheWindowEnds() throws InterruptedException {
        long start = failUntilBlocked();
        for (String password : new String[] {"wrong again", OPERATOR_PASSWORD}) {
            long sent = System.nanoTime();
            Response refused = stats(password);
            long millis = (System.nanoTime() - sent) / 1_000_000;
            long retryAfter = Long.parseLong(refused.getHeaderString("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_MILLIS / 1000, "Retry-After " + retryAfter);
            assertTrue(millis >= DELAY_MILLIS * 8 / 10, "answered after " + millis + " ms");
            assertEquals("no-store", refused.getHeaderString("Cache-Control"));
            assertTrue(refused.getHeaderString("Date") != null, "Date");
            Api.assertProblem(refused, 429, null);
        }
        awaitTheWindowsEnd(start);
    }

    /**
     * Clients that keep sending failing logins on their connections, once blocked, get one answer per connection per
     * refusal delay, not as many as the server could send.
     */
    @Test
    void aFloodOfBlockedLoginsGetsOneAnswerPerConnectionPerDelay() throws Exception {
        long start = failUntilBlocked();
        int connections = 8;
        long floodMillis = 2_000;
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService flood = Executors.newFixedThreadPool(connections);
        try {
            long end = System.nanoTime() + floodMillis * 1_000_000;
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                senders.add(flood.submit(() -> {
                    while (System.nanoTime() < end) {
                        try (Response response = stats("wrong in a flood")) {
                            response.readEntity(String.class);
                            statuses.computeIfAbsent(response.getStatus(), s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(30, TimeUnit.SECONDS);
            }
        } finally {
            flood.shutdownNow();
        }
        int answers = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        long most = connections * (floodMillis / DELAY_MILLIS + 1);
        assertEquals(Map.of(429, answers), statuses.entrySet().stream().collect(
                Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())), "all refused");
        assertTrue(answers <= most, answers + " answers in " + floodMillis + " ms, at most " + most);
        awaitTheWindowsEnd(start);
    }

    /** Fails the maximum number of logins (401 each); returns when the first failed (System.currentTimeMillis). */
    private long failUntilBlocked() {
        long start = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            Response failed = stats("wrong " + i);
            assertTrue(failed.getHeaderString("WWW-Authenticate").contains("charset=\"UTF-8\""));
            Api.assertProblem(failed, 401, null);
        }
        return start;
    }

    private void awaitTheWindowsEnd(long start) throws InterruptedException {
        Thread.sleep(Math.max(0, start + WINDOW_MILLIS + 500 - System.currentTimeMillis()));
        assertEquals(200, stats(OPERATOR_PASSWORD).getStatus(), "the window ended");
    }

    private Response stats(String password) {
        return api.target("api/cache/stats").request().header("Authorization",
                CacheAdminIT.basic(OPERATOR, password)).get();
    }
}
