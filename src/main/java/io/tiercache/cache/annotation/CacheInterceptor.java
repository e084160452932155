package io.tiercache.cache.annotation;

import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/**
 * Base of the CDI interceptors for the JSR-107 annotations: each subclass adapts one annotation to its
 * framework-neutral operation ({@link CacheResultOperation}, {@link CachePutOperation},
 * {@link CacheRemoveOperation}, {@link CacheRemoveAllOperation}).
 *
 * <p><b>Ordering.</b> All of them run at {@link #PRIORITY}, {@code PLATFORM_BEFORE + 100}: inside the
 * platform's earliest interceptors and <em>outside</em> everything from {@code PLATFORM_BEFORE + 200} on,
 * notably Jakarta Transactions' {@code @Transactional} ({@code PLATFORM_BEFORE + 200}), every
 * {@code LIBRARY_BEFORE} (1000) and {@code APPLICATION} (2000) interceptor, and bean validation and fault
 * tolerance ({@code PLATFORM_AFTER}, 4000 and above). So a cache hit opens no transaction and runs none of
 * those interceptors, and a {@code @CachePut}/{@code @CacheRemove} after invocation happens once the
 * transaction has committed, never for a write that is rolled back. Interceptors of the same method that run
 * inside (MicroProfile Metrics at {@code LIBRARY_BEFORE + 10}, bean validation, fault tolerance) see only the
 * calls that reach the method: misses, {@code skipGet} and writes. Payara's own JSR-107 interceptors
 * ({@code PLATFORM_AFTER}) are vetoed by {@link CacheAnnotationsExtension}. A method carries at most one cache
 * annotation, so the four never stack.
 *
 * <p><b>Threading.</b> Interceptor instances hold no per-call state; the {@link CacheMethods} they share is
 * thread-safe, and every call builds its own context and key.
 */
public abstract class CacheInterceptor {

    /** The {@code @Priority} of every cache interceptor. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 100;

    /** The framework-neutral view of an intercepted call. */
    static CacheInvocation invocation(InvocationContext context) {
        return new InterceptedCall(context);
    }

    private record InterceptedCall(InvocationContext context) implements CacheInvocation {

        @Override
        public Method method() {
            return context.getMethod();
        }

        @Override
        public Object target() {
            return context.getTarget();
        }

        @Override
        public Object[] parameters() {
            return context.getParameters();
        }

        @Override
        public Object proceed() throws Exception {
            return context.proceed();
        }
    }
}
