package io.tiercache.admin.security;

import io.tiercache.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Authorisation of the cache admin API: a caller authenticated by {@link AdminAuthenticationFilter} without the
 * role {@value AdminRoles#CACHE_ADMIN} gets 403 (and an unauthenticated one 401, should a request ever get here
 * without passing that filter). Every response of an admin resource, errors included, carries
 * {@code Cache-Control: no-store}.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public final class AdminAccessFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String instance = request.getUriInfo().getRequestUri().getRawPath();
        if (request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(Response.fromResponse(Problem.ofStatus(401,
                            "The cache admin API requires HTTP Basic credentials", instance).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, AdminAuthenticationFilter.CHALLENGE).build());
        } else if (!request.getSecurityContext().isUserInRole(AdminRoles.CACHE_ADMIN)) {
            request.abortWith(Problem.ofStatus(403, "The cache admin API requires the role "
                    + AdminRoles.CACHE_ADMIN, instance).toResponse());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, AdminAuthenticationFilter.NO_STORE);
    }
}
