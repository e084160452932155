package io.tiercache.cache.jcache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import javax.cache.CacheException;

/**
 * Store-by-value (JSR-107 &sect;2.2): what a caller gets from a cache is a copy, so changing it cannot change the
 * cached value; a value from Redis or the Hazelcast map is already one, but the near cache hands out one instance to
 * every reader. Copies by Java serialization (values are serializable anyway), resolving classes in the cache
 * manager's class loader; immutable JDK values are handed out as they are. On a store-by-reference cache values are
 * never copied. Immutable and thread-safe.
 */
final class ValueCopier {

    private final boolean byValue;
    private final ClassLoader classLoader;
    private final String cacheName;

    ValueCopier(boolean byValue, ClassLoader classLoader, String cacheName) {
        this.byValue = byValue;
        this.classLoader = classLoader;
        this.cacheName = cacheName;
    }

    @SuppressWarnings("unchecked")
    <T> T copy(T value) {
        if (value == null || !byValue || value instanceof String || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?>) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new CacheException("Cache " + cacheName + ": a value cannot be copied: " + e, e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass type) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(type.getName(), false, classLoader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(type);
                }
            }
        }) {
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new CacheException("Cache " + cacheName + ": a value cannot be copied: " + e, e);
        }
    }
}
