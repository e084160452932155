package io.tiercache.it.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Test-only: counts the requests that reach the JAX-RS runtime by {@code METHOD path?query}, the path below the
 * application's (e.g. {@code GET backtests/7}), read through {@link CountingProbe} like the domain calls: a request
 * answered before the JAX-RS runtime is one that does not count.
 */
@Provider
@PreMatching
public class JaxRsGetCounter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        CountingInterceptor.count(request.getMethod() + " " + request.getUriInfo().getPath(false).replaceFirst("^/", "")
                + (query == null ? "" : "?" + query));
    }
}
