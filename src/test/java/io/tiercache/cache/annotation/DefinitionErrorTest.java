package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DefinitionException;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheResult;
import org.junit.jupiter.api.Test;

/** Misused annotations fail the deployment with a message that names the method, instead of failing calls. */
class DefinitionErrorTest {

    @ApplicationScoped
    static class TwoOperations {
        @CacheResult(cacheName = "a")
        @CacheRemove(cacheName = "a")
        String both(String key) {
            return key;
        }
    }

    @ApplicationScoped
    static class PutWithoutValue {
        @CachePut(cacheName = "a")
        void put(String key, String value) {
        }
    }

    @Test
    void twoCacheAnnotationsOnOneMethodAreRejected() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> Containers.start(TwoOperations.class));
        assertTrue(e.getMessage().contains("DefinitionErrorTest$TwoOperations.both(java.lang.String) carries 2"),
                e.getMessage());
    }

    @Test
    void cachePutWithoutCacheValueIsRejected() {
        DefinitionException e = assertThrows(DefinitionException.class, () -> Containers.start(PutWithoutValue.class));
        assertTrue(e.getMessage().contains("must have exactly one @CacheValue parameter, not 0"), e.getMessage());
    }
}
