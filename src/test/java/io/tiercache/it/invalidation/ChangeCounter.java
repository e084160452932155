package io.tiercache.it.invalidation;

import io.tiercache.backtest.caching.EntityChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the entity changes fired (inside their transactions) and those that reached a successful commit. */
@ApplicationScoped
public class ChangeCounter {

    private final AtomicInteger fired = new AtomicInteger();
    private final AtomicInteger committed = new AtomicInteger();

    void fired(@Observes(during = TransactionPhase.IN_PROGRESS) EntityChange change) {
        fired.incrementAndGet();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChange change) {
        committed.incrementAndGet();
    }

    /** {@code fired,committed}. */
    String counts() {
        return fired.get() + "," + committed.get();
    }
}
