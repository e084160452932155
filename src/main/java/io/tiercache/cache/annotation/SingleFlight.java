package io.tiercache.cache.annotation;

import java.util.concurrent.Callable;

import javax.cache.Cache;

/**
 * Reads a key or loads it into the cache. On the tiered cache the load goes through its single flight:
 * concurrent misses of one key run the loader once in this JVM, and a load that started before an
 * invalidation does not put its stale result back. On any other cache it is a plain get, then a put of a
 * non-null result, with no such guarantee.
 *
 * <p>Whatever the loader throws reaches the caller unchanged. A {@code null} from the loader is returned and
 * not cached.
 */
final class SingleFlight {

    private SingleFlight() {
    }

    static Object getOrLoad(Cache<Object, Object> cache, Object key, Callable<Object> loader) throws Exception {
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
}
