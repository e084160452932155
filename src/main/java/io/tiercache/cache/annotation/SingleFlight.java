package io.tiercache.cache.annotation;

import io.tiercache.cache.TieredCache;
import java.util.concurrent.Callable;
import javax.cache.Cache;

/**
 * Reads a key or loads it into the cache. On the tiered cache ({@link TieredCache#getOrLoad}) the load goes
 * through its single flight: concurrent misses of one key run the loader once in this JVM and share its result
 * or its exception, and a load that an invalidation of the key overtook is returned but not cached. On any other
 * cache it is a plain get, then a put of a non-null result, with neither guarantee.
 *
 * <p>Whatever the loader throws reaches the caller unchanged. A {@code null} from the loader is returned and
 * not cached.
 */
final class SingleFlight {

    private SingleFlight() {
    }

    static Object getOrLoad(Cache<Object, Object> cache, Object key, Callable<Object> loader) throws Exception {
        TieredCache<Object, Object> tiered = tiered(cache);
        if (tiered != null) {
            try {
                return tiered.getOrLoad(key, k -> call(loader));
            } catch (CheckedFailure failure) {
                throw failure.checked();
            }
        }
        Object cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Object loaded = loader.call();
        if (loaded != null) {
            cache.put(key, loaded);
        }
        return loaded;
    }

    @SuppressWarnings("unchecked")
    private static TieredCache<Object, Object> tiered(Cache<Object, Object> cache) {
        if (cache instanceof TieredCache<?, ?> tiered) {
            return (TieredCache<Object, Object>) tiered;
        }
        try {
            return cache.unwrap(TieredCache.class);
        } catch (IllegalArgumentException notTiered) {
            return null;
        }
    }

    private static Object call(Callable<Object> loader) {
        try {
            return loader.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
    }

    /** Carries a checked exception of the loader through the {@link java.util.function.Function} it runs in. */
    private static final class CheckedFailure extends RuntimeException {

        CheckedFailure(Exception checked) {
            super(checked);
        }

        Exception checked() {
            return (Exception) getCause();
        }
    }
}
