package io.tiercache.admin.security;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.tiercache.http.DateHeaderFilter;
import io.tiercache.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.BasicAuthenticationCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic authentication for the cache admin API ({@value #ADMIN_PATH} and below), and nothing else: every other
 * request passes untouched, with or without an {@code Authorization} header. An admin request without valid
 * credentials is answered here with 401, a {@code WWW-Authenticate} challenge and a problem document; every admin
 * response carries {@code Cache-Control: no-store}. Whether the caller has the role is checked afterwards by
 * {@link AdminAccessFilter} (403).
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The path of the cache admin API below the context root. */
    public static final String ADMIN_PATH = "/api/cache";

    static final String CHALLENGE = "Basic realm=\"tiercache-admin\", charset=\"UTF-8\"";
    static final String NO_STORE = "no-store";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!isAdminRequest(request)) {
            return context.doNothing();
        }
        response.setHeader("Cache-Control", NO_STORE);
        DateHeaderFilter.stamp(response);
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            CredentialValidationResult result = validate(authorization.substring(6).trim());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        unauthorized(request, response);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private CredentialValidationResult validate(String encoded) {
        try {
            return identityStores.validate(new BasicAuthenticationCredential(encoded));
        } catch (IllegalArgumentException notBase64) {
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /** Whether the request's decoded, normalised path is the admin API's. */
    static boolean isAdminRequest(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String normalised = path.replaceAll("/{2,}", "/");
        return normalised.equals(ADMIN_PATH) || normalised.startsWith(ADMIN_PATH + "/");
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response) {
        byte[] body = Problem.ofStatus(HttpServletResponse.SC_UNAUTHORIZED,
                        "The cache admin API requires HTTP Basic credentials of a user with the role "
                                + AdminRoles.CACHE_ADMIN,
                        request.getRequestURI())
                .toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", CHALLENGE);
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
    }
}
