package io.tiercache.admin.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps password verification (a deliberately slow PBKDF2) from becoming a lever on the server's CPU:
 * <ul>
 *   <li>a client (remote address) with {@code maxClientFailures} failed logins within {@code window}, and a user
 *       name with {@code maxUserFailures}, are refused without verification until that window ends (the window
 *       starts at the first failure; a success clears the client's count, not the user's);</li>
 *   <li>at most {@code concurrent} verifications run at once; a login beyond them is refused at once.</li>
 * </ul>
 * At most {@code maxTracked} clients and as many user names are tracked (expired windows are dropped first); past
 * that, new keys are not counted and only the concurrency limit holds. Thread-safe.
 *
 * <p>One instance serves the application ({@link LoginThrottleProducer}): {@link AdminLoginTarpit} sheds blocked logins
 * before the REST stack, {@link AdminAuthenticationFilter} verifies the others.
 */
final class LoginThrottle {

    /** Tracked clients, and as many user names. */
    static final int MAX_TRACKED = 10_000;

    private final int maxClientFailures;
    private final int maxUserFailures;
    private final long windowNanos;
    private final int maxTracked;
    private final Semaphore verifications;
    private final LongSupplier nanoTime;
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();
    private final Map<String, Failures> users = new ConcurrentHashMap<>();

    LoginThrottle(int maxClientFailures, int maxUserFailures, Duration window, int concurrent, int maxTracked,
            LongSupplier nanoTime) {
        this.maxClientFailures = maxClientFailures;
        this.maxUserFailures = maxUserFailures;
        this.windowNanos = window.toNanos();
        this.maxTracked = maxTracked;
        this.verifications = new Semaphore(concurrent);
        this.nanoTime = nanoTime;
    }

    /** The throttle of the {@code tiercache.admin.*} settings (docs/configuration.md, "Cache admin users"). */
    static LoginThrottle of(Config config) {
        return new LoginThrottle(
                config.getOptionalValue("tiercache.admin.max-failures-per-client", Integer.class).orElse(5),
                config.getOptionalValue("tiercache.admin.max-failures-per-user", Integer.class).orElse(20),
                Duration.ofSeconds(config.getOptionalValue("tiercache.admin.failure-window-seconds", Integer.class)
                        .orElse(60)),
                config.getOptionalValue("tiercache.admin.concurrent-verifications", Integer.class).orElse(1),
                MAX_TRACKED, System::nanoTime);
    }

    /** How long {@code client} or {@code user} must wait before a verification; empty when it may go ahead. */
    Optional<Duration> blocked(String client, String user) {
        long now = nanoTime.getAsLong();
        long wait = Math.max(remaining(clients.get(client), maxClientFailures, now),
                remaining(users.get(user), maxUserFailures, now));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    /** Takes a verification slot, or returns false when all are in use; {@link #release()} after verifying. */
    boolean tryAcquire() {
        return verifications.tryAcquire();
    }

    void release() {
        verifications.release();
    }

    void failed(String client, String user) {
        long now = nanoTime.getAsLong();
        count(clients, client, now);
        count(users, user, now);
    }

    void succeeded(String client) {
        clients.remove(client);
    }

    private long remaining(Failures failures, int max, long now) {
        if (failures == null || failures.count() < max) {
            return 0;
        }
        return Math.max(0, failures.start() + windowNanos - now);
    }

    private void count(Map<String, Failures> failures, String key, long now) {
        if (failures.size() >= maxTracked && !failures.containsKey(key)) {
            failures.values().removeIf(f -> now - f.start() >= windowNanos);
            if (failures.size() >= maxTracked) {
                return;
            }
        }
        failures.merge(key, new Failures(now, 1), (old, one) -> now - old.start() >= windowNanos
                ? one : new Failures(old.start(), old.count() + 1));
    }

    /** Failed logins of one key since {@code start} (nano time). */
    private record Failures(long start, int count) {
    }
}
