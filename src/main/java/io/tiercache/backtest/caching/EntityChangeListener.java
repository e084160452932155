package io.tiercache.backtest.caching;

import io.tiercache.backtest.domain.Backtest;
import io.tiercache.backtest.domain.Strategy;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * JPA entity listener of {@link Strategy} and {@link Backtest}, registered in {@code META-INF/orm.xml} (so that the
 * domain does not name it): fires an {@link EntityChange} for each insert, update and delete, synchronously on the
 * thread that flushes, inside its transaction.
 */
public class EntityChangeListener {

    @Inject
    Event<EntityChange> changes;

    @PostPersist
    void created(Object entity) {
        changes.fire(change(entity, EntityChange.Kind.CREATED));
    }

    @PostUpdate
    void updated(Object entity) {
        changes.fire(change(entity, EntityChange.Kind.UPDATED));
    }

    @PostRemove
    void deleted(Object entity) {
        changes.fire(change(entity, EntityChange.Kind.DELETED));
    }

    private static EntityChange change(Object entity, EntityChange.Kind kind) {
        if (entity instanceof Strategy strategy) {
            return EntityChange.strategy(strategy.getId(), kind);
        }
        if (entity instanceof Backtest backtest) {
            return EntityChange.backtest(backtest.getId(), kind, backtest.getStrategy().getId());
        }
        throw new IllegalArgumentException("Not a followed entity: " + entity.getClass().getName());
    }
}
