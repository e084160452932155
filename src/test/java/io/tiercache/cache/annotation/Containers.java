package io.tiercache.cache.annotation;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE containers holding this package's extension and beans, as a WAR deploys them, plus the beans of one
 * test. Discovery is off, so the extension that {@code META-INF/services} registers is added by hand.
 */
final class Containers {

    private Containers() {
    }

    static WeldContainer start(Class<?>... testBeans) {
        return new Weld()
                .disableDiscovery()
                .containerId(null)
                .addExtension(new CacheAnnotationsExtension())
                .addBeanClasses(CacheResultInterceptor.class, CachePutInterceptor.class,
                        CacheRemoveInterceptor.class, CacheRemoveAllInterceptor.class,
                        DefaultCacheResolverFactory.class, CacheManagerSource.class, TestCacheManagerSource.class)
                .addBeanClasses(testBeans)
                .initialize();
    }
}
