package io.tiercache.cache.annotation;

import java.lang.annotation.Annotation;
import java.util.Set;
import javax.cache.annotation.CacheInvocationParameter;

/** One argument of an intercepted call, as the {@link CacheInvocationParameter} of the specification. */
record InvocationParameter(Class<?> getRawType, Object getValue, Set<Annotation> getAnnotations,
        int getParameterPosition) implements CacheInvocationParameter {
}
