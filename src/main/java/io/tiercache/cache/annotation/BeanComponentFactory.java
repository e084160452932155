package io.tiercache.cache.annotation;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Creates a component as the CDI bean of its type when exactly one bean has that type, otherwise with its
 * public no-argument constructor.
 */
final class BeanComponentFactory implements ComponentFactory {

    private final BeanManager beanManager;
    private final ComponentFactory fallback = ComponentFactory.reflective();

    BeanComponentFactory(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public <T> T create(Class<T> type) {
        Instance<T> bean = beanManager.createInstance().select(type);
        return bean.isResolvable() ? bean.get() : fallback.create(type);
    }
}
