package io.tiercache.cache.event;

import com.hazelcast.core.HazelcastInstance;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.EventType;

/**
 * The entry listeners registered on one cache on this member and the delivery of its events (JSR-107 &sect;8.4).
 *
 * <p><b>Ordering and threads</b>: the cache reports each change while it still holds the key's lock, so the events of
 * one key are reported in the order of its changes. Changes made on other members arrive through {@link
 * ClusterEvents} and go to every listener here on the asynchronous thread. A synchronous listener is called on the
 * thread of the operation, before the operation returns; an exception it throws reaches the caller as a {@link
 * CacheEntryListenerException} (the change itself has been made). Asynchronous listeners are called on one thread of
 * this dispatcher, in the order the events were reported; their exceptions are logged. The expiry of an entry that
 * lapsed by itself ({@link #lapsed}) has no operation to wait for it: every listener gets it on that thread.
 *
 * <p>Thread-safe.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class EventDispatcher<K, V> {

    private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

    private final Cache<K, V> source;
    private final List<Registration<K, V>> registrations = new CopyOnWriteArrayList<>();
    private final ClusterEvents<K, V> cluster;
    private volatile ExecutorService asynchronous;

    /** @param hazelcast the instance whose cluster carries the events of {@code source} to the other members */
    public EventDispatcher(Cache<K, V> source, HazelcastInstance hazelcast) {
        this.source = source;
        this.cluster = new ClusterEvents<>(hazelcast, source.getName(), this);
    }

    /**
     * Whether a listener is registered on the cache here or on another member (the cache then reads old values to
     * report them).
     */
    public boolean active() {
        return !registrations.isEmpty() || cluster.othersListen();
    }

    /**
     * Registers the listener {@code configuration} describes.
     *
     * @throws IllegalArgumentException if an equal configuration is registered already (&sect;8.4.1)
     */
    public synchronized void register(CacheEntryListenerConfiguration<K, V> configuration) {
        for (Registration<K, V> registration : registrations) {
            if (registration.configuration().equals(configuration)) {
                throw new IllegalArgumentException("Listener configuration already registered");
            }
        }
        registrations.add(new Registration<>(configuration));
        cluster.listening(true);
    }

    /** Removes the listener of {@code configuration}, if registered, and closes what of it is {@link Closeable}. */
    public synchronized void deregister(CacheEntryListenerConfiguration<K, V> configuration) {
        for (Registration<K, V> registration : registrations) {
            if (registration.configuration().equals(configuration)) {
                registrations.remove(registration);
                close(registration);
            }
        }
        if (registrations.isEmpty()) {
            cluster.listening(false);
        }
    }

    /**
     * Reports a change of {@code key} made on this member, here and to the other members that listen;
     * {@code oldValue} is null when there was none.
     */
    public void changed(EventType type, K key, V value, V oldValue) {
        cluster.publish(type, key, value, oldValue);
        deliver(type, key, value, oldValue, false);
    }

    /**
     * Reports the expiry of an entry that lapsed by itself (no operation of a caller ended it), here and to the other
     * members that listen; every listener here gets it on the asynchronous thread.
     */
    public void lapsed(K key, V value) {
        cluster.publish(EventType.EXPIRED, key, value, value);
        deliver(EventType.EXPIRED, key, value, value, true);
    }

    /** Reports a change another member made: to every listener here on the asynchronous thread. */
    void changedElsewhere(EventType type, K key, V value, V oldValue) {
        deliver(type, key, value, oldValue, true);
    }

    /** @param asynchronously whether synchronous listeners too are called on the asynchronous thread */
    private void deliver(EventType type, K key, V value, V oldValue, boolean asynchronously) {
        CacheEntryListenerException failure = null;
        for (Registration<K, V> registration : registrations) {
            if (!registration.wants(type)) {
                continue;
            }
            boolean withOld = registration.oldValueRequired() || type == EventType.REMOVED
                    || type == EventType.EXPIRED;
            TieredEntryEvent<K, V> event = new TieredEntryEvent<>(source, type, key, value,
                    withOld ? oldValue : null, withOld && oldValue != null);
            if (registration.synchronous() && !asynchronously) {
                try {
                    registration.deliver(event);
                } catch (RuntimeException e) {
                    failure = e instanceof CacheEntryListenerException listenerException ? listenerException
                            : new CacheEntryListenerException(e);
                }
            } else {
                executor().execute(() -> {
                    try {
                        registration.deliver(event);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "Cache " + source.getName()
                                + ": an asynchronous entry listener failed", e);
                    }
                });
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private ExecutorService executor() {
        ExecutorService executor = asynchronous;
        if (executor == null) {
            synchronized (this) {
                if (asynchronous == null) {
                    asynchronous = Executors.newSingleThreadExecutor(task -> {
                        Thread thread = new Thread(task, "tiercache-listeners-" + source.getName());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                executor = asynchronous;
            }
        }
        return executor;
    }

    /** Deregisters every listener, closing what is {@link Closeable}, and stops the asynchronous thread. */
    public synchronized void close() {
        cluster.close();
        registrations.forEach(EventDispatcher::close);
        registrations.clear();
        if (asynchronous != null) {
            asynchronous.shutdown();
        }
    }

    private static void close(Registration<?, ?> registration) {
        for (Object customization : registration.customizations()) {
            if (customization instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Closing an entry listener failed", e);
                }
            }
        }
    }
}
