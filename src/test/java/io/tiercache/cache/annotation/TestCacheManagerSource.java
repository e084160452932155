package io.tiercache.cache.annotation;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import javax.cache.CacheManager;

/** Resolves the caches of the tests from the {@link TestCaches} cache manager. */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class TestCacheManagerSource extends CacheManagerSource {

    @Override
    public CacheManager cacheManager() {
        return TestCaches.cacheManager();
    }
}
