package io.tiercache.it.http;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Counts the invocations of the domain services by {@code Class.method(args)}, e.g. {@code BacktestService.get(7)}. */
@Counted
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CountingInterceptor {

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @AroundInvoke
    Object count(InvocationContext invocation) throws Exception {
        String key = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                + invocation.getMethod().getName() + "(" + Arrays.stream(invocation.getParameters())
                        .map(String::valueOf).collect(Collectors.joining(",")) + ")";
        count(key);
        return invocation.proceed();
    }

    /** Counts one occurrence of {@code key}. */
    static void count(String key) {
        CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    static int calls(String key) {
        AtomicInteger count = CALLS.get(key);
        return count == null ? 0 : count.get();
    }
}
