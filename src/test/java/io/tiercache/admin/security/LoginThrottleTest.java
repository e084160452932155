package io.tiercache.admin.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofSeconds(60), 1, 4, now::get);

    private void failTimes(String client, String user, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(Optional.empty(), throttle.blocked(client, user));
            throttle.failed(client, user);
        }
    }

    @Test
    void aClientIsBlockedAfterItsFailuresUntilTheWindowEnds() {
        failTimes("10.0.0.1", "admin", 3);
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.blocked("10.0.0.1", "someone-else"));
        assertEquals(Optional.empty(), throttle.blocked("10.0.0.2", "admin"), "another client, same user");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.blocked("10.0.0.1", "admin"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals(Optional.empty(), throttle.blocked("10.0.0.1", "admin"));
        throttle.failed("10.0.0.1", "admin");
        assertEquals(Optional.empty(), throttle.blocked("10.0.0.1", "x"), "a new window starts with one failure");
    }

    @Test
    void aUserIsBlockedAfterFailuresFromManyClients() {
        for (int i = 0; i < 5; i++) {
            failTimes("10.0.0." + i, "admin", 1);
        }
        assertTrue(throttle.blocked("10.0.0.99", "admin").isPresent());
        assertEquals(Optional.empty(), throttle.blocked("10.0.0.99", "other"));
    }

    @Test
    void aSuccessClearsTheClientsCount() {
        failTimes("10.0.0.1", "admin", 2);
        throttle.succeeded("10.0.0.1");
        failTimes("10.0.0.1", "admin", 2);
        assertEquals(Optional.empty(), throttle.blocked("10.0.0.1", "x"));
    }

    @Test
    void verificationsAreLimitedInConcurrency() {
        assertTrue(throttle.tryAcquire());
        assertFalse(throttle.tryAcquire());
        throttle.release();
        assertTrue(throttle.tryAcquire());
    }

    @Test
    void trackedKeysAreBoundedAndExpiredOnesMakeRoom() {
        for (int i = 0; i < 4; i++) {
            failTimes("c" + i, "u" + i, 3);
        }
        failTimes("c4", "u4", 3);
        assertEquals(Optional.empty(), throttle.blocked("c4", "u4"), "past the bound, new keys are not counted");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        failTimes("c5", "u5", 3);
        assertTrue(throttle.blocked("c5", "u5").isPresent(), "expired windows made room");
    }
}
