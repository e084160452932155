package io.tiercache.cache.jcache;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.processor.MutableEntry;

/**
 * The entry an {@code EntryProcessor} works on (JSR-107 &sect;6): the current value is read when the processor first
 * asks for it (and, on a read-through cache, loaded when absent); {@link #setValue} and {@link #remove} are recorded
 * and applied by the cache after the processor returns, all under the key's lock.
 *
 * <p>Not thread-safe: one processor uses it on one thread.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class ProcessedEntry<K, V> implements MutableEntry<K, V> {

    /** What the processor did to the entry, as the cache must apply it. */
    enum Change {
        /** Nothing, or a set that a remove undid on an entry that did not exist. */
        NONE,
        /** A value was loaded by read-through and not changed: store it, without the writer. */
        LOADED,
        /** {@link #setValue}: store the value through the writer. */
        PUT,
        /** {@link #remove} of an existing entry: remove it through the writer. */
        REMOVE
    }

    private final K key;
    private final Supplier<Object> current;
    private final Function<K, V> loader;
    private boolean read;
    private boolean accessed;
    private V original;
    private V value;
    private Change change = Change.NONE;

    /**
     * @param current the entry's current value (null: none), asked at most once
     * @param loader  the read-through loader, or null
     */
    ProcessedEntry(K key, Supplier<Object> current, Function<K, V> loader) {
        this.key = key;
        this.current = current;
        this.loader = loader;
    }

    @SuppressWarnings("unchecked")
    private void read() {
        if (!read) {
            read = true;
            original = (V) current.get();
            value = original;
        }
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        read();
        accessed = true;
        if (value == null && change == Change.NONE && loader != null) {
            value = loader.apply(key);
            if (value != null) {
                change = Change.LOADED;
            }
        }
        return value;
    }

    @Override
    public boolean exists() {
        read();
        return value != null;
    }

    /**
     * Removes the entry: through the writer even when it did not exist (&sect;8.2.2 lets the writer see every remove),
     * but a value the processor set on an absent entry is simply dropped.
     */
    @Override
    public void remove() {
        read();
        boolean created = original == null && (change == Change.PUT || change == Change.LOADED);
        value = null;
        change = created ? Change.NONE : Change.REMOVE;
    }

    @Override
    public void setValue(V newValue) {
        Objects.requireNonNull(newValue, "value");
        read();
        value = newValue;
        change = Change.PUT;
    }

    /** What the cache must apply. */
    Change change() {
        return change;
    }

    /** Whether the entry existed before the processor ran (read only if the processor or the cache asked). */
    boolean existed() {
        read();
        return original != null;
    }

    /** Whether the processor read the value ({@link #getValue}): an access, for the expiry policy. */
    boolean accessed() {
        return accessed;
    }

    /** The value to store ({@link Change#PUT}, {@link Change#LOADED}). */
    V value() {
        return value;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("MutableEntry cannot be unwrapped to " + type.getName());
    }
}
