package io.tiercache.cache.annotation;

/**
 * Whether a thrown exception triggers a cache operation, from the include and exclude lists of an annotation
 * ({@code cachedExceptions}/{@code nonCachedExceptions}, {@code cacheFor}/{@code noCacheFor},
 * {@code evictFor}/{@code noEvictFor}): with both lists empty the answer is the operation's default;
 * otherwise the exception must be an instance of an included type (when any is listed) and of no excluded
 * type.
 */
final class ExceptionFilter {

    private ExceptionFilter() {
    }

    static boolean matches(Throwable thrown, Class<?>[] include, Class<?>[] exclude, boolean whenBothEmpty) {
        if (include.length == 0 && exclude.length == 0) {
            return whenBothEmpty;
        }
        return (include.length == 0 || isInstance(thrown, include)) && !isInstance(thrown, exclude);
    }

    private static boolean isInstance(Throwable thrown, Class<?>[] types) {
        for (Class<?> type : types) {
            if (type.isInstance(thrown)) {
                return true;
            }
        }
        return false;
    }
}
