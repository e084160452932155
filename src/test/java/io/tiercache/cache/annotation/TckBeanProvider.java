package io.tiercache.cache.annotation;

import javax.cache.annotation.BeanProvider;
import manager.CacheNameOnEachMethodBlogManagerImpl;
import manager.ClassLevelCacheConfigBlogManagerImpl;
import manager.UsingDefaultCacheNameBlogManagerImpl;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The JSR-107 TCK's {@link BeanProvider} (found through {@code META-INF/services}): the TCK's annotated blog managers
 * as beans of a Weld SE container with this project's interceptors and extension, as a WAR deploys them, over the
 * provider's default cache manager (the one the TCK inspects). The container starts on first use and lives as long as
 * the JVM. Thread-safe.
 */
public final class TckBeanProvider implements BeanProvider {

    private static WeldContainer container;

    @Override
    public <T> T getBeanByType(Class<T> beanClass) {
        return container().select(beanClass).get();
    }

    private static synchronized WeldContainer container() {
        if (container == null) {
            container = new Weld()
                    .disableDiscovery()
                    .containerId("jsr107-tck")
                    .addExtension(new CacheAnnotationsExtension())
                    .addBeanClasses(CacheResultInterceptor.class, CachePutInterceptor.class,
                            CacheRemoveInterceptor.class, CacheRemoveAllInterceptor.class,
                            DefaultCacheResolverFactory.class, CacheManagerSource.class)
                    .addBeanClasses(CacheNameOnEachMethodBlogManagerImpl.class,
                            ClassLevelCacheConfigBlogManagerImpl.class, UsingDefaultCacheNameBlogManagerImpl.class)
                    .initialize();
        }
        return container;
    }
}
