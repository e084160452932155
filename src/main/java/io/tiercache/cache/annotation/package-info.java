/**
 * CDI interceptors for the JSR-107 annotations ({@code javax.cache.annotation}), portable across CDI containers
 * and running exactly once: on WildFly, which has none of its own, and on Payara, whose own are vetoed.
 *
 * <p>Layout: the logic of each annotation is a framework-neutral class ({@link
 * io.tiercache.cache.annotation.CacheResultOperation} and its siblings) working on a {@link
 * io.tiercache.cache.annotation.CacheInvocation}; a thin CDI {@code @Interceptor} per annotation adapts it
 * ({@link io.tiercache.cache.annotation.CacheInterceptor} holds their shared {@code @Priority} and explains the
 * ordering); {@link io.tiercache.cache.annotation.CacheAnnotationsExtension} registers the annotations as
 * interceptor bindings with {@code @Nonbinding} members, vetoes Payara's interceptors and checks annotated
 * methods at deployment.
 *
 * <p>Caches come from the tiered provider through {@link io.tiercache.cache.annotation.CacheManagerSource}
 * (replaceable by a CDI alternative), are created on first use with a default configuration, and {@code
 * @CacheResult} misses load through the tiered cache's single flight. Keys are {@link
 * io.tiercache.cache.annotation.CanonicalCacheKey}s whose text, identical in every JVM, is the Redis key suffix:
 * see {@link io.tiercache.cache.annotation.CanonicalForm} for the format. Null results are not cached, and a
 * {@code @CachePut} of {@code null} removes the key.
 *
 * <p>Deployment: the interceptors and the {@code @Dependent}/{@code @ApplicationScoped} classes here are found by
 * {@code bean-discovery-mode="annotated"}; the extension is listed in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
package io.tiercache.cache.annotation;
