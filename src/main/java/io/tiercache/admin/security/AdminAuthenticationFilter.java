package io.tiercache.admin.security;

import io.tiercache.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP Basic authentication of the cache admin API, bound by {@link AdminOnly} to its resources and to nothing else:
 * no other request goes through it, and credentials sent to the rest of the API are ignored. The credentials are
 * decoded as UTF-8, as the challenge says. A request with valid credentials gets an {@link AdminSecurityContext}
 * (whether it has the role is checked next, by {@link AdminAccessFilter}); one without them is answered 401 with a
 * {@code WWW-Authenticate} challenge and a problem document; one that {@link LoginThrottle} holds back (repeated
 * failures of its client or user, or too many verifications at once) 429 with {@code Retry-After}, without verifying
 * its password. Blocked logins are mostly shed before the REST stack by {@link AdminLoginTarpit}; this filter is the
 * authority for every request that reaches an admin resource.
 *
 * <p>The identity store and the throttle are looked up once, on the first admin request.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"tiercache-admin\", charset=\"UTF-8\"";
    static final String NO_STORE = "no-store";
    private static final int TOO_MANY_REQUESTS = 429;
    private static final String REQUIRES = "The cache admin API requires HTTP Basic credentials of a user with the role "
            + AdminRoles.CACHE_ADMIN;

    @Context
    HttpServletRequest servletRequest;

    private volatile Login login;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<UsernamePasswordCredential> credential =
                BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credential.isEmpty()) {
            refuse(request, Response.Status.UNAUTHORIZED.getStatusCode(), REQUIRES, null);
            return;
        }
        Login current = login();
        String client = servletRequest.getRemoteAddr();
        String user = credential.get().getCaller();
        Optional<Duration> blocked = current.throttle().blocked(client, user);
        if (blocked.isPresent()) {
            refuse(request, TOO_MANY_REQUESTS, AdminLoginTarpit.BLOCKED, blocked.get());
            return;
        }
        if (!current.throttle().tryAcquire()) {
            refuse(request, TOO_MANY_REQUESTS, "Too many logins in progress; retry later", Duration.ofSeconds(1));
            return;
        }
        Optional<AdminUsers.User> valid;
        try {
            valid = current.store().validate(credential.get());
        } finally {
            current.throttle().release();
        }
        if (valid.isEmpty()) {
            current.throttle().failed(client, user);
            refuse(request, Response.Status.UNAUTHORIZED.getStatusCode(), REQUIRES, null);
            return;
        }
        current.throttle().succeeded(client);
        request.setSecurityContext(new AdminSecurityContext(new CallerPrincipal(valid.get().name()),
                valid.get().roles(), request.getSecurityContext().isSecure()));
    }

    private Login login() {
        Login current = login;
        if (current == null) {
            synchronized (this) {
                current = login;
                if (current == null) {
                    current = new Login(CDI.current().select(AdminIdentityStore.class).get(),
                            CDI.current().select(LoginThrottle.class).get());
                    login = current;
                }
            }
        }
        return current;
    }

    /** Aborts with {@code status} (401 with the challenge, or 429 with {@code Retry-After}) and a problem document. */
    private static void refuse(ContainerRequestContext request, int status, String detail, Duration retryAfter) {
        Response.ResponseBuilder response = Response.fromResponse(Problem.ofStatus(status, detail,
                request.getUriInfo().getRequestUri().getRawPath()).toResponse());
        if (status == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter));
        }
        request.abortWith(response.build());
    }

    /** The {@code Retry-After} value (RFC 9110, section 10.2.3) of a wait: whole seconds, rounded up, at least 1. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The identity store and the throttle of its logins. */
    private record Login(AdminIdentityStore store, LoginThrottle throttle) {
    }
}
