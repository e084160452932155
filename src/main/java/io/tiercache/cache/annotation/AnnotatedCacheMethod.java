package io.tiercache.cache.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResolverFactory;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

/**
 * What the cache annotations of one method say, read once from the method and its class: the operation, the
 * cache name, the factories to use and which parameters form the key. Immutable.
 *
 * <p>Rules, as in the JSR-107 specification:
 * <ul>
 *   <li>a method carries at most one of {@code @CacheResult}, {@code @CachePut}, {@code @CacheRemove},
 *       {@code @CacheRemoveAll}; one on the class applies to every method that carries none;</li>
 *   <li>the cache name, resolver factory and key generator come from the annotation, else from
 *       {@code @CacheDefaults} on the class, else the defaults: the name
 *       {@code fully.qualified.Class.method(param.Type,…)}, {@link DefaultCacheResolverFactory} and
 *       {@link CanonicalKeyGenerator};</li>
 *   <li>the key is made of the {@code @CacheKey} parameters when there are any, otherwise of all parameters
 *       except the {@code @CacheValue} one;</li>
 *   <li>a {@code @CachePut} method has exactly one {@code @CacheValue} parameter.</li>
 * </ul>
 */
final class AnnotatedCacheMethod {

    private static final List<Class<? extends Annotation>> OPERATIONS =
            List.of(CacheResult.class, CachePut.class, CacheRemove.class, CacheRemoveAll.class);

    private final MethodDetails<Annotation> details;
    private final int[] keyPositions;
    private final int valuePosition;
    private final Class<? extends CacheResolverFactory> resolverFactoryType;
    private final Class<? extends CacheKeyGenerator> keyGeneratorType;

    private AnnotatedCacheMethod(MethodDetails<Annotation> details, int[] keyPositions, int valuePosition,
            Class<? extends CacheResolverFactory> resolverFactoryType,
            Class<? extends CacheKeyGenerator> keyGeneratorType) {
        this.details = details;
        this.keyPositions = keyPositions;
        this.valuePosition = valuePosition;
        this.resolverFactoryType = resolverFactoryType;
        this.keyGeneratorType = keyGeneratorType;
    }

    /** The cache operations this package intercepts. */
    static List<Class<? extends Annotation>> operations() {
        return OPERATIONS;
    }

    /**
     * Reads the cache annotations of {@code method}.
     *
     * @throws IllegalArgumentException if the method carries no cache operation or breaks one of the rules
     */
    static AnnotatedCacheMethod of(Method method) {
        Annotation operation = operation(method);
        CacheDefaults defaults = method.getDeclaringClass().getAnnotation(CacheDefaults.class);
        int valuePosition = valuePosition(method, operation);
        String cacheName = first(cacheName(operation), defaults == null ? "" : defaults.cacheName());
        Class<? extends CacheResolverFactory> resolverFactory = chosen(resolverFactory(operation),
                defaults == null ? CacheResolverFactory.class : defaults.cacheResolverFactory(),
                CacheResolverFactory.class, DefaultCacheResolverFactory.class);
        Class<? extends CacheKeyGenerator> keyGenerator = chosen(keyGenerator(operation),
                defaults == null ? CacheKeyGenerator.class : defaults.cacheKeyGenerator(),
                CacheKeyGenerator.class, CanonicalKeyGenerator.class);
        MethodDetails<Annotation> details = new MethodDetails<>(method,
                Set.of(method.getAnnotations()), operation,
                cacheName.isEmpty() ? defaultCacheName(method) : cacheName);
        return new AnnotatedCacheMethod(details, keyPositions(method, valuePosition), valuePosition,
                resolverFactory, keyGenerator);
    }

    /** Whether {@code method} carries a cache operation, on itself or on its class. */
    static boolean isAnnotated(Method method) {
        return OPERATIONS.stream().anyMatch(type -> method.isAnnotationPresent(type)
                || method.getDeclaringClass().isAnnotationPresent(type));
    }

    /** The default cache name of the specification: {@code fully.qualified.Class.method(param.Type,…)}. */
    static String defaultCacheName(Method method) {
        return method.getDeclaringClass().getName() + '.' + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                        .collect(Collectors.joining(",", "(", ")"));
    }

    MethodDetails<Annotation> details() {
        return details;
    }

    Annotation operation() {
        return details.getCacheAnnotation();
    }

    String cacheName() {
        return details.getCacheName();
    }

    /** Positions of the key parameters, in declaration order. */
    int[] keyPositions() {
        return keyPositions.clone();
    }

    /** Position of the {@code @CacheValue} parameter of a {@code @CachePut} method, or -1. */
    int valuePosition() {
        return valuePosition;
    }

    Class<? extends CacheResolverFactory> resolverFactoryType() {
        return resolverFactoryType;
    }

    Class<? extends CacheKeyGenerator> keyGeneratorType() {
        return keyGeneratorType;
    }

    private static Annotation operation(Method method) {
        List<Annotation> found = present(method.getAnnotations());
        if (found.isEmpty()) {
            found = present(method.getDeclaringClass().getAnnotations());
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(defaultCacheName(method) + (found.isEmpty()
                    ? " carries no cache annotation"
                    : " carries " + found.size() + " cache annotations (" + found
                            + "); a method takes at most one of @CacheResult, @CachePut, @CacheRemove, "
                            + "@CacheRemoveAll"));
        }
        return found.get(0);
    }

    private static List<Annotation> present(Annotation[] annotations) {
        List<Annotation> found = new ArrayList<>();
        for (Annotation annotation : annotations) {
            if (OPERATIONS.contains(annotation.annotationType())) {
                found.add(annotation);
            }
        }
        return found;
    }

    private static int valuePosition(Method method, Annotation operation) {
        int[] values = positionsWith(method, CacheValue.class);
        if (operation instanceof CachePut) {
            if (values.length != 1) {
                throw new IllegalArgumentException(defaultCacheName(method) + " is annotated @CachePut and must have "
                        + "exactly one @CacheValue parameter, not " + values.length);
            }
            return values[0];
        }
        return -1;
    }

    private static int[] keyPositions(Method method, int valuePosition) {
        int[] annotated = positionsWith(method, CacheKey.class);
        if (annotated.length > 0) {
            return annotated;
        }
        return IntStream.range(0, method.getParameterCount()).filter(i -> i != valuePosition).toArray();
    }

    private static int[] positionsWith(Method method, Class<? extends Annotation> type) {
        Annotation[][] annotations = method.getParameterAnnotations();
        return IntStream.range(0, annotations.length)
                .filter(i -> Arrays.stream(annotations[i]).anyMatch(a -> a.annotationType() == type))
                .toArray();
    }

    private static String cacheName(Annotation operation) {
        if (operation instanceof CacheResult result) {
            return result.cacheName();
        } else if (operation instanceof CachePut put) {
            return put.cacheName();
        } else if (operation instanceof CacheRemove remove) {
            return remove.cacheName();
        }
        return ((CacheRemoveAll) operation).cacheName();
    }

    private static Class<? extends CacheResolverFactory> resolverFactory(Annotation operation) {
        if (operation instanceof CacheResult result) {
            return result.cacheResolverFactory();
        } else if (operation instanceof CachePut put) {
            return put.cacheResolverFactory();
        } else if (operation instanceof CacheRemove remove) {
            return remove.cacheResolverFactory();
        }
        return ((CacheRemoveAll) operation).cacheResolverFactory();
    }

    private static Class<? extends CacheKeyGenerator> keyGenerator(Annotation operation) {
        if (operation instanceof CacheResult result) {
            return result.cacheKeyGenerator();
        } else if (operation instanceof CachePut put) {
            return put.cacheKeyGenerator();
        } else if (operation instanceof CacheRemove remove) {
            return remove.cacheKeyGenerator();
        }
        return CacheKeyGenerator.class;
    }

    private static String first(String preferred, String fallback) {
        return preferred.isEmpty() ? fallback : preferred;
    }

    private static <T> Class<? extends T> chosen(Class<? extends T> preferred, Class<? extends T> fallback,
            Class<T> unset, Class<? extends T> standard) {
        if (preferred != unset) {
            return preferred;
        }
        return fallback != unset ? fallback : standard;
    }
}
