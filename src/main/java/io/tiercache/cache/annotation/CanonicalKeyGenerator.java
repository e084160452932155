package io.tiercache.cache.annotation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import javax.cache.annotation.CacheInvocationParameter;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheKeyInvocationContext;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * The default {@link CacheKeyGenerator}: a {@link CanonicalCacheKey} whose text is the {@linkplain CanonicalForm
 * canonical form} of each key parameter, in declaration order, separated by commas. For example
 * {@code list(int page, int size, String filter)} called with {@code (0, 20, "momentum")} has the key
 * {@code 0,20,"momentum"}; a method without key parameters has the empty key.
 *
 * <p>A parameter value without a canonical form is rejected with an {@link IllegalArgumentException} that
 * names the parameter and the method. Stateless and thread-safe.
 */
public final class CanonicalKeyGenerator implements CacheKeyGenerator {

    @Override
    public GeneratedCacheKey generateCacheKey(CacheKeyInvocationContext<? extends Annotation> context) {
        StringBuilder key = new StringBuilder();
        CacheInvocationParameter[] parameters = context.getKeyParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (i > 0) {
                key.append(',');
            }
            try {
                CanonicalForm.append(key, parameters[i].getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot build a cache key from parameter '"
                        + name(context.getMethod(), parameters[i].getParameterPosition()) + "' of "
                        + AnnotatedCacheMethod.defaultCacheName(context.getMethod()) + ": " + e.getMessage(), e);
            }
        }
        return new CanonicalCacheKey(key.toString());
    }

    private static String name(Method method, int position) {
        Parameter parameter = method.getParameters()[position];
        return parameter.isNamePresent() ? parameter.getName() : "#" + position;
    }
}
