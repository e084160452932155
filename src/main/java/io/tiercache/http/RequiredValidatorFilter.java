package io.tiercache.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a {@link ValidatedWrite} without {@code If-Match} or {@code If-Unmodified-Since} with 428 when
 * {@value WritePreconditions#REQUIRE_PROPERTY} is {@code true} (read on each request, so it can change at run time).
 */
@Provider
@ValidatedWrite
@Priority(Priorities.HEADER_DECORATOR)
public final class RequiredValidatorFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        boolean required = ConfigProvider.getConfig()
                .getOptionalValue(WritePreconditions.REQUIRE_PROPERTY, Boolean.class)
                .orElse(false);
        WritePreconditions.of(request.getHeaderString(HttpHeaders.IF_MATCH),
                request.getHeaderString(HttpHeaders.IF_UNMODIFIED_SINCE), null).require(required);
    }
}
