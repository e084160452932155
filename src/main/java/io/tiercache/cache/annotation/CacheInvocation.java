package io.tiercache.cache.annotation;

import java.lang.reflect.Method;

/**
 * One call of an annotated method, independent of the interception framework that caught it (CDI's
 * {@code InvocationContext} in {@link CacheInterceptor}).
 */
public interface CacheInvocation {

    /** The method called, as declared on the bean class. */
    Method method();

    /** The instance the method was called on. */
    Object target();

    /** The arguments of the call. */
    Object[] parameters();

    /** Calls the method (or the next interceptor) and returns its result. */
    Object proceed() throws Exception;
}
