package io.tiercache.admin.security;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import io.tiercache.http.DateHeaderFilter;
import io.tiercache.problem.Problem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.Config;

/**
 * HTTP Basic authentication for the cache admin API ({@value #ADMIN_PATH} and below), and nothing else: every other
 * request passes untouched, with or without an {@code Authorization} header. The credentials are decoded as UTF-8,
 * as the challenge says. An admin request without valid credentials is answered here with 401, a
 * {@code WWW-Authenticate} challenge and a problem document; one that {@link LoginThrottle} holds back (repeated
 * failures of its client or user, or too many verifications at once) with 429 and {@code Retry-After}, without
 * verifying its password. Every admin response carries {@code Cache-Control: no-store}. Whether the caller has the role is checked afterwards by
 * {@link AdminAccessFilter} (403).
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The path of the cache admin API below the context root. */
    public static final String ADMIN_PATH = "/api/cache";

    static final String CHALLENGE = "Basic realm=\"tiercache-admin\", charset=\"UTF-8\"";
    static final String NO_STORE = "no-store";
    static final int TOO_MANY_REQUESTS = 429;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Config config;

    private LoginThrottle throttle;

    @PostConstruct
    void createThrottle() {
        throttle = new LoginThrottle(
                config.getOptionalValue("tiercache.admin.max-failures-per-client", Integer.class).orElse(5),
                config.getOptionalValue("tiercache.admin.max-failures-per-user", Integer.class).orElse(20),
                Duration.ofSeconds(config.getOptionalValue("tiercache.admin.failure-window-seconds", Integer.class)
                        .orElse(60)),
                config.getOptionalValue("tiercache.admin.concurrent-verifications", Integer.class).orElse(1),
                10_000, System::nanoTime);
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!isAdminRequest(request)) {
            return context.doNothing();
        }
        response.setHeader("Cache-Control", NO_STORE);
        DateHeaderFilter.stamp(response);
        Optional<UsernamePasswordCredential> credential = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credential.isEmpty()) {
            return refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The cache admin API requires HTTP Basic credentials of a user with the role "
                            + AdminRoles.CACHE_ADMIN, null);
        }
        String client = request.getRemoteAddr();
        String user = credential.get().getCaller();
        Optional<Duration> blocked = throttle.blocked(client, user);
        if (blocked.isPresent()) {
            return refuse(request, response, TOO_MANY_REQUESTS,
                    "Too many failed logins from this client or for this user; retry later", blocked.get());
        }
        if (!throttle.tryAcquire()) {
            return refuse(request, response, TOO_MANY_REQUESTS, "Too many logins in progress; retry later",
                    Duration.ofSeconds(1));
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential.get());
        } finally {
            throttle.release();
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(client, user);
            return refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                    "The cache admin API requires HTTP Basic credentials of a user with the role "
                            + AdminRoles.CACHE_ADMIN, null);
        }
        throttle.succeeded(client);
        return context.notifyContainerAboutLogin(result);
    }

    /** Whether the request's decoded, normalised path is the admin API's. */
    static boolean isAdminRequest(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String normalised = path.replaceAll("/{2,}", "/");
        return normalised.equals(ADMIN_PATH) || normalised.startsWith(ADMIN_PATH + "/");
    }

    /** Answers {@code status} (401 with the challenge, or 429 with {@code Retry-After}) with a problem document. */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status,
            String detail, Duration retryAfter) {
        byte[] body = Problem.ofStatus(status, detail, request.getRequestURI()).toJson()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        if (retryAfter != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        // Closing the stream completes the response: a container must not send an error page over it (Undertow
        // would otherwise try to, after SEND_FAILURE, and fail on the committed response).
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        } catch (IOException clientGone) {
            // the client went away: nothing left to answer
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
