package io.tiercache.cache.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import javax.cache.annotation.CacheInvocationParameter;
import javax.cache.annotation.CacheKeyInvocationContext;

/**
 * The {@link CacheKeyInvocationContext} of one intercepted call, handed to cache resolvers and key
 * generators. Built per call and confined to the calling thread.
 */
final class KeyInvocationContext implements CacheKeyInvocationContext<Annotation> {

    private final AnnotatedCacheMethod method;
    private final Object target;
    private final CacheInvocationParameter[] parameters;

    KeyInvocationContext(AnnotatedCacheMethod method, Object target, Object[] arguments) {
        this.method = method;
        this.target = target;
        Method javaMethod = method.details().getMethod();
        Class<?>[] types = javaMethod.getParameterTypes();
        Annotation[][] annotations = javaMethod.getParameterAnnotations();
        this.parameters = new CacheInvocationParameter[types.length];
        for (int i = 0; i < types.length; i++) {
            parameters[i] = new InvocationParameter(types[i], arguments[i], Set.of(annotations[i]), i);
        }
    }

    @Override
    public Object getTarget() {
        return target;
    }

    @Override
    public CacheInvocationParameter[] getAllParameters() {
        return parameters.clone();
    }

    @Override
    public CacheInvocationParameter[] getKeyParameters() {
        int[] positions = method.keyPositions();
        CacheInvocationParameter[] keys = new CacheInvocationParameter[positions.length];
        for (int i = 0; i < positions.length; i++) {
            keys[i] = parameters[positions[i]];
        }
        return keys;
    }

    @Override
    public CacheInvocationParameter getValueParameter() {
        int position = method.valuePosition();
        return position < 0 ? null : parameters[position];
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("Cannot unwrap " + getClass().getName() + " to " + type.getName());
    }

    @Override
    public Method getMethod() {
        return method.details().getMethod();
    }

    @Override
    public Set<Annotation> getAnnotations() {
        return method.details().getAnnotations();
    }

    @Override
    public Annotation getCacheAnnotation() {
        return method.details().getCacheAnnotation();
    }

    @Override
    public String getCacheName() {
        return method.cacheName();
    }
}
