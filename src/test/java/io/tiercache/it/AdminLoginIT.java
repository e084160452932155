package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.support.Pbkdf2Hashes;
import io.tiercache.it.support.TestEngine;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Logins to the cache admin API: credentials decoded as UTF-8 as the challenge advertises, and repeated failures
 * from one client refused with 429 without verifying a password, until the failure window ends.
 */
class AdminLoginIT extends DeployedApiTest {

    private static final String OPERATOR = "operator";
    private static final String OPERATOR_PASSWORD = "pässwörd ✓ Ωμέγα";
    private static final long WINDOW_MILLIS = 4_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEngine.war(Map.of(
                "tiercache.admin.users", OPERATOR + ":" + Pbkdf2Hashes.hash(OPERATOR_PASSWORD) + ":cache-admin",
                "tiercache.admin.max-failures-per-client", "5",
                "tiercache.admin.failure-window-seconds", Long.toString(WINDOW_MILLIS / 1000)));
    }

    @Test
    void aNonAsciiPasswordIsAccepted() {
        assertEquals(200, stats(OPERATOR_PASSWORD).getStatus());
    }

    @Test
    void repeatedFailuresAreRefusedWithoutVerificationUntilTheWindowEnds() throws InterruptedException {
        long start = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            Response failed = stats("wrong " + i);
            assertTrue(failed.getHeaderString("WWW-Authenticate").contains("charset=\"UTF-8\""));
            Api.assertProblem(failed, 401, null);
        }
        for (String password : new String[] {"wrong again", OPERATOR_PASSWORD}) {
            Response refused = stats(password);
            long retryAfter = Long.parseLong(refused.getHeaderString("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_MILLIS / 1000, "Retry-After " + retryAfter);
            Api.assertProblem(refused, 429, null);
        }
        Thread.sleep(Math.max(0, start + WINDOW_MILLIS + 500 - System.currentTimeMillis()));
        assertEquals(200, stats(OPERATOR_PASSWORD).getStatus(), "the window ended");
    }

    private Response stats(String password) {
        return api.target("api/cache/stats").request().header("Authorization",
                CacheAdminIT.basic(OPERATOR, password)).get();
    }
}
