package io.tiercache.cache.annotation;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

/**
 * Makes the JSR-107 annotations work through this package's interceptors, exactly once, on any CDI container.
 * <ul>
 *   <li>Registers {@code @CacheResult}, {@code @CachePut}, {@code @CacheRemove} and {@code @CacheRemoveAll} as
 *       interceptor bindings (the cache API cannot declare them: it does not depend on CDI, and WildFly
 *       registers nothing), with every member {@code @Nonbinding}, so that one interceptor matches every use
 *       whatever its cache name or other attributes.</li>
 *   <li>Vetoes Payara's own JSR-107 interceptors and its cache producer ({@code fish.payara.cdi.jsr107.*},
 *       added to every application by Payara's CDI extension and bound to Payara's Hazelcast), matched by
 *       class name so that nothing here depends on Payara. Otherwise they would cache the same methods a
 *       second time, in another cache, and produce {@code CacheManager}s beside ours.</li>
 *   <li>Checks every annotated method of a bean (not an interceptor) at deployment (one cache annotation per method, one {@code @CacheValue}
 *       per {@code @CachePut}) and reports violations as definition errors.</li>
 *   <li>Adds the shared {@link CacheMethods} as a singleton bean.</li>
 * </ul>
 * Registered in {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public final class CacheAnnotationsExtension implements Extension {

    /** Payara Micro's JSR-107 CDI types, which this extension vetoes. */
    static final Set<String> PAYARA_TYPES = Set.of(
            "fish.payara.cdi.jsr107.CacheResultInterceptor",
            "fish.payara.cdi.jsr107.CachePutInterceptor",
            "fish.payara.cdi.jsr107.CacheRemoveInterceptor",
            "fish.payara.cdi.jsr107.CacheRemoveAllInterceptor",
            "fish.payara.cdi.jsr107.JSR107Producer");

    private final List<Throwable> problems = new CopyOnWriteArrayList<>();

    void registerBindings(@Observes BeforeBeanDiscovery event) {
        AnnotatedCacheMethod.operations().forEach(binding -> event.configureInterceptorBinding(binding)
                .methods().forEach(member -> member.add(Nonbinding.Literal.INSTANCE)));
    }

    void vetoPayaraTypes(@Observes @WithAnnotations({Interceptor.class, Produces.class})
            ProcessAnnotatedType<?> event) {
        if (PAYARA_TYPES.contains(event.getAnnotatedType().getJavaClass().getName())) {
            event.veto();
        }
    }

    <T> void checkAnnotatedMethods(@Observes @WithAnnotations({CacheResult.class, CachePut.class,
            CacheRemove.class, CacheRemoveAll.class}) ProcessAnnotatedType<T> event) {
        if (event.getAnnotatedType().isAnnotationPresent(Interceptor.class)) {
            return;
        }
        for (AnnotatedMethod<? super T> annotated : event.getAnnotatedType().getMethods()) {
            Method method = annotated.getJavaMember();
            int modifiers = method.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)
                    || !AnnotatedCacheMethod.isAnnotated(method)) {
                continue;
            }
            try {
                AnnotatedCacheMethod.of(method);
            } catch (IllegalArgumentException e) {
                problems.add(e);
            }
        }
    }

    void addCacheMethods(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        problems.forEach(event::addDefinitionError);
        event.addBean()
                .beanClass(CacheMethods.class)
                .types(CacheMethods.class, Object.class)
                .scope(Singleton.class)
                .createWith(context -> new CacheMethods(new BeanComponentFactory(beanManager)));
    }
}
