package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fish.payara.cdi.jsr107.PayaraHazelcastCDIExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheManager;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once beside Payara's JSR-107 support: its interceptors and producer, added as Payara Micro 6 adds them,
 * are vetoed by class name, while ours run; an interceptor of another name added the same way still runs, so the
 * veto is what stops Payara's.
 */
class PayaraInterceptorsVetoTest {

    @CacheResult
    @Interceptor
    @Priority(4000)
    public static class ControlInterceptor {
        static final AtomicInteger CALLS = new AtomicInteger();

        @AroundInvoke
        Object count(InvocationContext context) throws Exception {
            CALLS.incrementAndGet();
            return context.proceed();
        }
    }

    @ApplicationScoped
    static class Backtests {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "payara-veto")
        Integer run(long id) {
            return calls.incrementAndGet();
        }

        int calls() {
            return calls.get();
        }
    }

    private static WeldContainer container;

    @BeforeAll
    static void start() {
        container = new Weld()
                .disableDiscovery()
                .containerId(null)
                .addExtension(new PayaraHazelcastCDIExtension(ControlInterceptor.class))
                .addExtension(new CacheAnnotationsExtension())
                .addBeanClasses(CacheResultInterceptor.class, DefaultCacheResolverFactory.class,
                        CacheManagerSource.class, TestCacheManagerSource.class, Backtests.class)
                .initialize();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void payaraInterceptorsAndProducerAreVetoedAndOursRunOnce() {
        Backtests backtests = container.select(Backtests.class).get();
        Integer first = backtests.run(1);
        assertEquals(first, backtests.run(1));
        assertEquals(first, backtests.run(1));

        assertEquals(1, backtests.calls());
        assertEquals(0, fish.payara.cdi.jsr107.CacheResultInterceptor.CALLS.get());
        assertEquals(1, ControlInterceptor.CALLS.get(), "runs inside ours, so only on the miss");
        assertTrue(container.select(CacheManager.class).isUnsatisfied());
    }
}
