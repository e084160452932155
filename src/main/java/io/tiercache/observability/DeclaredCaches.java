package io.tiercache.observability;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

/**
 * The names of the caches the deployment's beans use through the JSR-107 annotations on their methods, read at
 * deployment: the {@code cacheName} of each operation, else of the class's {@code @CacheDefaults}, else the specification's default
 * ({@code fully.qualified.Class.method(param.Type,…)}). {@link CacheMetrics} registers their meters at startup, before
 * the caches are created on first use. Registered in {@code META-INF/services/jakarta.enterprise.inject.spi.Extension};
 * not final, since the container injects an extension through a proxy.
 */
public class DeclaredCaches implements Extension {

    private final Set<String> names = new ConcurrentSkipListSet<>();

    <T> void collect(@Observes @WithAnnotations({CacheResult.class, CachePut.class, CacheRemove.class,
            CacheRemoveAll.class}) ProcessAnnotatedType<T> event) {
        CacheDefaults defaults = event.getAnnotatedType().getAnnotation(CacheDefaults.class);
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedType().getMethods()) {
            Method method = annotated.getJavaMember();
            for (Annotation operation : annotated.getAnnotations()) {
                String name = cacheName(operation);
                if (name != null) {
                    names.add(!name.isEmpty() ? name
                            : defaults != null && !defaults.cacheName().isEmpty() ? defaults.cacheName()
                            : defaultName(method));
                }
            }
        }
    }

    /** The names, in order. */
    public SortedSet<String> names() {
        return new TreeSet<>(names);
    }

    /** The cache name an operation annotation gives, {@code ""} for the default, null for another annotation. */
    private static String cacheName(Annotation annotation) {
        if (annotation instanceof CacheResult result) {
            return result.cacheName();
        }
        if (annotation instanceof CachePut put) {
            return put.cacheName();
        }
        if (annotation instanceof CacheRemove remove) {
            return remove.cacheName();
        }
        if (annotation instanceof CacheRemoveAll removeAll) {
            return removeAll.cacheName();
        }
        return null;
    }

    private static String defaultName(Method method) {
        return method.getDeclaringClass().getName() + '.' + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                        .collect(Collectors.joining(",", "(", ")"));
    }
}
