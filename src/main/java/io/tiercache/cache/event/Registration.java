package io.tiercache.cache.event;

import java.util.List;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.event.EventType;

/**
 * One registered listener: its configuration and the listener and filter its factories created (JSR-107 &sect;8.4).
 * Immutable; the listener and filter are called as their registration says (synchronously or not).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class Registration<K, V> {

    private final CacheEntryListenerConfiguration<K, V> configuration;
    private final CacheEntryListener<? super K, ? super V> listener;
    private final CacheEntryEventFilter<? super K, ? super V> filter;

    Registration(CacheEntryListenerConfiguration<K, V> configuration) {
        this.configuration = configuration;
        this.listener = configuration.getCacheEntryListenerFactory().create();
        this.filter = configuration.getCacheEntryEventFilterFactory() == null ? null
                : configuration.getCacheEntryEventFilterFactory().create();
    }

    CacheEntryListenerConfiguration<K, V> configuration() {
        return configuration;
    }

    boolean synchronous() {
        return configuration.isSynchronous();
    }

    boolean oldValueRequired() {
        return configuration.isOldValueRequired();
    }

    /** The listener and filter, for closing. */
    List<Object> customizations() {
        return filter == null ? List.of(listener) : List.of(listener, filter);
    }

    /** Whether the listener handles events of {@code type}. */
    boolean wants(EventType type) {
        return switch (type) {
            case CREATED -> listener instanceof CacheEntryCreatedListener;
            case UPDATED -> listener instanceof CacheEntryUpdatedListener;
            case REMOVED -> listener instanceof CacheEntryRemovedListener;
            case EXPIRED -> listener instanceof CacheEntryExpiredListener;
        };
    }

    /** Hands {@code event} to the listener if its filter accepts it. */
    @SuppressWarnings("unchecked")
    void deliver(CacheEntryEvent<K, V> event) {
        if (filter != null && !filter.evaluate(event)) {
            return;
        }
        List<CacheEntryEvent<? extends K, ? extends V>> events = List.of(event);
        switch (event.getEventType()) {
            case CREATED -> ((CacheEntryCreatedListener<K, V>) listener).onCreated(events);
            case UPDATED -> ((CacheEntryUpdatedListener<K, V>) listener).onUpdated(events);
            case REMOVED -> ((CacheEntryRemovedListener<K, V>) listener).onRemoved(events);
            case EXPIRED -> ((CacheEntryExpiredListener<K, V>) listener).onExpired(events);
        }
    }
}
