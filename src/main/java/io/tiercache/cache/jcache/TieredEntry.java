package io.tiercache.cache.jcache;

import javax.cache.Cache;

/**
 * An entry handed out by a tiered cache: by its iterator and to its {@code CacheWriter} (JSR-107 &sect;3.3, &sect;8.2).
 * Immutable.
 *
 * @param <K> key type
 * @param <V> value type
 */
public record TieredEntry<K, V>(K getKey, V getValue) implements Cache.Entry<K, V> {

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("Entry cannot be unwrapped to " + type.getName());
    }
}
