package fish.payara.cdi.jsr107;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

/**
 * Does what Payara Micro 6's extension of the same name does: registers the JSR-107 annotations as interceptor
 * bindings (members binding) and adds its producer and interceptors through
 * {@link BeforeBeanDiscovery#addAnnotatedType}; here with {@code control}, an interceptor of another name added
 * the same way, which nothing vetoes.
 */
public class PayaraHazelcastCDIExtension implements Extension {

    private final Class<?> control;

    public PayaraHazelcastCDIExtension(Class<?> control) {
        this.control = control;
    }

    void beforeBeanDiscovery(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.addAnnotatedType(beanManager.createAnnotatedType(JSR107Producer.class), JSR107Producer.class.getName());
        event.addInterceptorBinding(CachePut.class);
        event.addInterceptorBinding(CacheRemove.class);
        event.addInterceptorBinding(CacheRemoveAll.class);
        event.addInterceptorBinding(CacheResult.class);
        event.addAnnotatedType(beanManager.createAnnotatedType(CacheResultInterceptor.class),
                CacheResultInterceptor.class.getName());
        event.addAnnotatedType(beanManager.createAnnotatedType(control), control.getName());
    }
}
