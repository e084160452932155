package fish.payara.cdi.jsr107;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;

/** Stands in for Payara Micro's interceptor of the same name and shape; counts the calls it sees. */
@CacheResult
@Interceptor
@Priority(4000)
public class CacheResultInterceptor {

    public static final AtomicInteger CALLS = new AtomicInteger();

    @AroundInvoke
    Object cacheResult(InvocationContext context) throws Exception {
        CALLS.incrementAndGet();
        return context.proceed();
    }
}
