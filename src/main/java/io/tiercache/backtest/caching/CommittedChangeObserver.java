package io.tiercache.backtest.caching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Invalidates the views of each change once its transaction has committed; a rolled-back change invalidates
 * nothing. Runs on the thread that commits (for a request, before its response is written), so a writer's next
 * read sees its write on every instance.
 */
@ApplicationScoped
public class CommittedChangeObserver {

    @Inject
    InvalidationRules rules;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntityChange change) {
        rules.invalidate(change);
    }
}
