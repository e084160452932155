package io.tiercache.admin.security;

import io.tiercache.problem.Problem;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;

/**
 * Sheds logins to the cache admin API that {@link LoginThrottle} blocks (repeated failures of their client or user)
 * before the REST stack does any work for them, and answers them late: the {@code 429} with {@code Retry-After} and a
 * problem document is sent {@code tiercache.admin.refusal-delay-millis} (default 1,000 ms, never past the end of the
 * block) after the request came, from an asynchronous request that holds no thread meanwhile (Servlet 6.0,
 * section 2.3.3.3). A client that keeps one connection busy with failing logins so gets about one answer a second on
 * it instead of thousands, and the requests of everyone else keep their latency.
 *
 * <p>At most {@value #MAX_HELD} refusals are held at once; past that, and where the container cannot suspend the
 * request, the refusal is sent at once. Requests without Basic credentials, and those not blocked, go on to the REST
 * stack ({@link AdminAuthenticationFilter}). Thread-safe.
 */
@WebFilter(filterName = "AdminLoginTarpit", urlPatterns = "/api/cache/*", asyncSupported = true)
public final class AdminLoginTarpit extends HttpFilter {

    /** The detail of the problem of a blocked login. */
    static final String BLOCKED = "Too many failed logins from this client or for this user; retry later";

    /** Refusals held back at once, at most. */
    static final int MAX_HELD = 10_000;

    private static final long serialVersionUID = 1L;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final long DEFAULT_DELAY_MILLIS = 1_000;
    private static final System.Logger LOG = System.getLogger(AdminLoginTarpit.class.getName());

    @Inject
    transient LoginThrottle throttle;

    @Inject
    transient Config config;

    private final AtomicInteger held = new AtomicInteger();
    private final AtomicBoolean warnedFull = new AtomicBoolean();
    private long delayMillis;

    @Override
    public void init() {
        delayMillis = config.getOptionalValue("tiercache.admin.refusal-delay-millis", Long.class)
                .orElse(DEFAULT_DELAY_MILLIS);
        if (delayMillis < 0) {
            LOG.log(Level.ERROR, "tiercache.admin.refusal-delay-millis is negative ({0}): {1} ms is used", delayMillis,
                    DEFAULT_DELAY_MILLIS);
            delayMillis = DEFAULT_DELAY_MILLIS;
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<UsernamePasswordCredential> credential = BasicCredentials.parse(request.getHeader("Authorization"));
        Optional<Duration> blocked = credential.flatMap(c -> throttle.blocked(request.getRemoteAddr(), c.getCaller()));
        if (blocked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long holdMillis = Math.min(delayMillis, blocked.get().toMillis());
        if (holdMillis > 0 && request.isAsyncSupported()) {
            if (held.incrementAndGet() <= MAX_HELD) {
                try {
                    hold(request, holdMillis, blocked.get().minusMillis(holdMillis));
                    return;
                } catch (IllegalStateException notSuspended) {
                    held.decrementAndGet();
                    LOG.log(Level.WARNING, "A blocked login could not be held back: {0}", notSuspended.toString());
                }
            } else {
                held.decrementAndGet();
                if (!warnedFull.getAndSet(true)) {
                    LOG.log(Level.WARNING, "{0} blocked logins held back at once; more are refused at once",
                            MAX_HELD);
                }
            }
        }
        refuse(request, response, blocked.get());
    }

    /** Suspends the request and answers it when its timeout of {@code holdMillis} fires. */
    private void hold(HttpServletRequest request, long holdMillis, Duration retryAfter) {
        AsyncContext async = request.startAsync();
        async.setTimeout(holdMillis);
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                try {
                    refuse(request, (HttpServletResponse) async.getResponse(), retryAfter);
                } finally {
                    async.complete();
                }
            }

            @Override
            public void onComplete(AsyncEvent event) {
                held.decrementAndGet();
            }

            @Override
            public void onError(AsyncEvent event) {
                try {
                    async.complete();
                } catch (IllegalStateException alreadyCompleted) {
                    // completed by onTimeout, whose write failed
                }
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(AdminAuthenticationFilter.retryAfterSeconds(retryAfter)));
        response.setHeader("Cache-Control", AdminAuthenticationFilter.NO_STORE);
        Problem.ofStatus(TOO_MANY_REQUESTS, BLOCKED, request.getRequestURI()).writeTo(response);
    }
}
