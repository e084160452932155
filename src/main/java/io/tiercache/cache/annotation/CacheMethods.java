package io.tiercache.cache.annotation;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheResolver;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;

/**
 * The {@link CacheMethod} of each intercepted method, built on its first call and kept. A resolver factory or
 * key generator class is instantiated once and shared by every method that names it, as the specification
 * allows. Thread-safe.
 */
public final class CacheMethods {

    private final ComponentFactory components;
    private final Map<Method, CacheMethod> methods = new ConcurrentHashMap<>();
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    public CacheMethods(ComponentFactory components) {
        this.components = components;
    }

    /** The cache method of {@code method}, which must carry a cache annotation. */
    CacheMethod of(Method method) {
        CacheMethod known = methods.get(method);
        return known != null ? known : methods.computeIfAbsent(method, this::bind);
    }

    private CacheMethod bind(Method method) {
        AnnotatedCacheMethod annotated = AnnotatedCacheMethod.of(method);
        CacheResolverFactory factory = component(annotated.resolverFactoryType());
        CacheResolver resolver = factory.getCacheResolver(annotated.details());
        CacheResolver exceptionResolver = null;
        if (annotated.operation() instanceof CacheResult result && !result.exceptionCacheName().isEmpty()) {
            exceptionResolver = factory.getExceptionCacheResolver(new MethodDetails<>(method,
                    annotated.details().getAnnotations(), result, annotated.cacheName()));
        }
        CacheKeyGenerator keyGenerator = component(annotated.keyGeneratorType());
        return new CacheMethod(annotated, resolver, exceptionResolver, keyGenerator);
    }

    private <T> T component(Class<T> type) {
        return type.cast(instances.computeIfAbsent(type, components::create));
    }
}
