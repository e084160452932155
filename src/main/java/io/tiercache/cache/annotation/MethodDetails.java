package io.tiercache.cache.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import javax.cache.annotation.CacheMethodDetails;

/** The static {@link CacheMethodDetails} of an annotated method. Immutable. */
record MethodDetails<A extends Annotation>(Method getMethod, Set<Annotation> getAnnotations, A getCacheAnnotation,
        String getCacheName) implements CacheMethodDetails<A> {
}
