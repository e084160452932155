package io.tiercache.cache.jcache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * A cache's {@link CacheWriter} when it writes through (JSR-107 &sect;8.2), or none: the cache calls it before it
 * changes, under the key's lock, and any failure reaches the caller as a {@link CacheWriterException}, the entry
 * unchanged. In the batch forms the entries or keys the writer leaves in its collection are those it did not write,
 * which the cache then leaves unchanged. Thread-safe as its writer is.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class WriteThrough<K, V> {

    private final CacheWriter<K, V> writer;

    /** @param writer the writer, or null when the cache does not write through */
    WriteThrough(CacheWriter<K, V> writer) {
        this.writer = writer;
    }

    boolean active() {
        return writer != null;
    }

    /** The writer (for closing), or null. */
    CacheWriter<K, V> writer() {
        return writer;
    }

    void write(K key, V value) {
        if (writer != null) {
            try {
                writer.write(new TieredEntry<>(key, value));
            } catch (RuntimeException e) {
                throw failure(e);
            }
        }
    }

    void delete(K key) {
        if (writer != null) {
            try {
                writer.delete(key);
            } catch (RuntimeException e) {
                throw failure(e);
            }
        }
    }

    /** Writes {@code entries}; on failure hands each unwritten key to {@code unwritten} and returns the failure. */
    CacheWriterException writeAll(Map<? extends K, ? extends V> entries, Consumer<K> unwritten) {
        if (writer == null || entries.isEmpty()) {
            return null;
        }
        Collection<Cache.Entry<? extends K, ? extends V>> left = new ArrayList<>();
        entries.forEach((key, value) -> left.add(new TieredEntry<>(key, value)));
        try {
            writer.writeAll(left);
            return null;
        } catch (RuntimeException e) {
            left.forEach(entry -> unwritten.accept(entry.getKey()));
            return failure(e);
        }
    }

    /** Deletes {@code keys}; on failure hands each undeleted key to {@code undeleted} and returns the failure. */
    CacheWriterException deleteAll(Collection<? extends K> keys, Consumer<Object> undeleted) {
        if (writer == null || keys.isEmpty()) {
            return null;
        }
        Collection<Object> left = new ArrayList<>(keys);
        try {
            writer.deleteAll(left);
            return null;
        } catch (RuntimeException e) {
            left.forEach(undeleted);
            return failure(e);
        }
    }

    private static CacheWriterException failure(RuntimeException e) {
        return e instanceof CacheWriterException writerException ? writerException : new CacheWriterException(e);
    }
}
