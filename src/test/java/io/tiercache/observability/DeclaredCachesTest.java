package io.tiercache.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The cache names a real CDI container (Weld SE) reports to the extension, as a deployment's beans declare them. */
class DeclaredCachesTest {

    @Test
    void namedDefaultedAndSpecificationDefaultNames() {
        DeclaredCaches declared = new DeclaredCaches();
        try (WeldContainer container = new Weld().disableDiscovery().containerId(null).addExtension(declared)
                .addBeanClasses(Named.class, Defaulted.class, Unannotated.class).initialize()) {
            assertEquals(List.of("class-default", "io.tiercache.observability.DeclaredCachesTest$Named.unnamed(long)",
                    "prices", "quotes"), List.copyOf(declared.names()));
        }
    }

    @ApplicationScoped
    static class Named {

        @CacheResult(cacheName = "quotes")
        public String quote(long id) {
            return "q" + id;
        }

        @CacheRemoveAll(cacheName = "prices")
        public void clearPrices() {
        }

        @CacheResult
        public String unnamed(long id) {
            return "u" + id;
        }
    }

    @ApplicationScoped
    @CacheDefaults(cacheName = "class-default")
    static class Defaulted {

        @CachePut
        public void put(@CacheKey long id, @CacheValue String value) {
        }

        @CacheResult(cacheName = "quotes")
        public String quote(long id) {
            return "d" + id;
        }
    }

    @ApplicationScoped
    static class Unannotated {

        public String plain(long id) {
            return "p" + id;
        }
    }
}
