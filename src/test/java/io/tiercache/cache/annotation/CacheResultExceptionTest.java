package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code exceptionCacheName}: a thrown exception selected by {@code cachedExceptions}/{@code nonCachedExceptions}
 * is cached and rethrown without running the method; any other exception is not.
 */
class CacheResultExceptionTest {

    static final class UnknownSymbolException extends IllegalArgumentException {
        UnknownSymbolException(String symbol) {
            super("unknown symbol " + symbol);
        }
    }

    @ApplicationScoped
    static class Symbols {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "result-exception", exceptionCacheName = "result-exception-failures",
                cachedExceptions = IllegalArgumentException.class, nonCachedExceptions = NumberFormatException.class)
        String resolve(String symbol) {
            calls.incrementAndGet();
            switch (symbol) {
                case "unknown" -> throw new UnknownSymbolException(symbol);
                case "malformed" -> throw new NumberFormatException(symbol);
                case "down" -> throw new IllegalStateException("feed down");
                default -> {
                    return symbol.toUpperCase();
                }
            }
        }

        int calls() {
            return calls.get();
        }
    }

    private static WeldContainer container;
    private static Symbols symbols;

    @BeforeAll
    static void start() {
        container = Containers.start(Symbols.class);
        symbols = container.select(Symbols.class).get();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void selectedExceptionIsCachedAndRethrown() {
        int before = symbols.calls();
        UnknownSymbolException first = assertThrows(UnknownSymbolException.class, () -> symbols.resolve("unknown"));
        UnknownSymbolException second = assertThrows(UnknownSymbolException.class, () -> symbols.resolve("unknown"));
        assertEquals(before + 1, symbols.calls());
        assertEquals(first.getMessage(), second.getMessage());
        assertTrue(TestCaches.cache("result-exception-failures").containsKey(new CanonicalCacheKey("\"unknown\"")));
    }

    @Test
    void excludedAndUnlistedExceptionsAreNotCached() {
        int before = symbols.calls();
        assertThrows(NumberFormatException.class, () -> symbols.resolve("malformed"));
        assertThrows(NumberFormatException.class, () -> symbols.resolve("malformed"));
        IllegalStateException down = assertThrows(IllegalStateException.class, () -> symbols.resolve("down"));
        assertSame(IllegalStateException.class, down.getClass());
        assertThrows(IllegalStateException.class, () -> symbols.resolve("down"));
        assertEquals(before + 4, symbols.calls());
        assertEquals("OK", symbols.resolve("ok"));
        assertEquals("OK", symbols.resolve("ok"));
        assertEquals(before + 5, symbols.calls());
    }
}
