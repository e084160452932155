package io.tiercache.cache.annotation;

import io.tiercache.cache.ResultCapture;
import javax.cache.Cache;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * {@code @CacheResult}: answers from the cache when it holds the key of the call, otherwise calls the method
 * and caches what it returns.
 * <ul>
 *   <li>A miss loads through {@link SingleFlight}: on the tiered cache, concurrent misses of one key call the
 *       method once in this JVM and share its result.</li>
 *   <li>{@code skipGet = true} always calls the method and caches its result.</li>
 *   <li>Null rule: a {@code null} result is returned but not cached, so the next call runs the method again
 *       (a JCache holds no nulls; cache "not found" as a value, or throw, to cache absence).</li>
 *   <li>With an {@code exceptionCacheName}, an exception selected by {@code cachedExceptions} and
 *       {@code nonCachedExceptions} (all of them when both are empty) is stored in that cache under the key of
 *       the call, and rethrown from there by later calls without running the method, until it is removed or
 *       expires ({@code skipGet} skips that look-up too).</li>
 *   <li>A call that returns a value from the cache's look-up (not with {@code skipGet}, which runs the method every
 *       time) is recorded in the thread's {@link ResultCapture}, if it has one.</li>
 * </ul>
 */
final class CacheResultOperation {

    private final CacheMethods methods;

    CacheResultOperation(CacheMethods methods) {
        this.methods = methods;
    }

    Object invoke(CacheInvocation invocation) throws Exception {
        CacheMethod method = methods.of(invocation.method());
        CacheResult annotation = (CacheResult) method.annotated().operation();
        KeyInvocationContext context = method.context(invocation);
        GeneratedCacheKey key = method.key(context);
        Cache<Object, Object> cache = method.cache(context);
        Cache<Object, Throwable> exceptions = method.exceptionCache(context);
        if (annotation.skipGet()) {
            Object result = call(invocation, annotation, exceptions, key);
            if (result != null) {
                cache.put(key, result);
            }
            return result;
        }
        if (exceptions != null) {
            Throwable cached = exceptions.get(key);
            if (cached != null) {
                throw rethrowable(cached);
            }
        }
        Object result = SingleFlight.getOrLoad(cache, key, () -> call(invocation, annotation, exceptions, key));
        if (result != null) {
            ResultCapture.record(cache, key, result);
        }
        return result;
    }

    private static Object call(CacheInvocation invocation, CacheResult annotation,
            Cache<Object, Throwable> exceptions, GeneratedCacheKey key) throws Exception {
        try {
            return invocation.proceed();
        } catch (Throwable thrown) {
            if (exceptions != null && ExceptionFilter.matches(thrown, annotation.cachedExceptions(),
                    annotation.nonCachedExceptions(), true)) {
                exceptions.put(key, thrown);
            }
            throw thrown;
        }
    }

    private static Exception rethrowable(Throwable cached) {
        if (cached instanceof Error error) {
            throw error;
        }
        return cached instanceof Exception exception ? exception : new IllegalStateException(cached);
    }
}
