package io.tiercache.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Binds a {@link ConditionalResponseFilter} to every GET resource method, with the method's {@link CacheDirectives}
 * (or its class's) and whether it is a {@link ReusableResponse} resolved here, once, when the application starts: no
 * request looks its policy up.
 */
@Provider
public final class CacheControlFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(GET.class)) {
            CacheDirectives onMethod = resource.getResourceMethod().getAnnotation(CacheDirectives.class);
            context.register(new ConditionalResponseFilter(onMethod != null ? onMethod
                    : resource.getResourceClass().getAnnotation(CacheDirectives.class),
                    resource.getResourceMethod().isAnnotationPresent(ReusableResponse.class)),
                    Priorities.HEADER_DECORATOR);
        }
    }
}
