package io.tiercache.cache.annotation;

/**
 * Creates the resolver factories and key generators that annotations name. The CDI implementation,
 * {@link BeanComponentFactory}, uses the bean of that type when there is one.
 */
@FunctionalInterface
public interface ComponentFactory {

    <T> T create(Class<T> type);

    /** Creates components with their public no-argument constructor. */
    static ComponentFactory reflective() {
        return new ComponentFactory() {
            @Override
            public <T> T create(Class<T> type) {
                try {
                    return type.getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(type.getName() + " is neither a CDI bean nor has a public "
                            + "no-argument constructor", e);
                }
            }
        };
    }
}
