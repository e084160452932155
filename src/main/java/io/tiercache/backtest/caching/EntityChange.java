package io.tiercache.backtest.caching;

/**
 * A committed-or-not change of one entity, fired by {@link EntityChangeListener} while the transaction runs;
 * observe it {@code during = TransactionPhase.AFTER_SUCCESS} to act only on committed changes.
 *
 * @param type       the kind of entity
 * @param id         its id
 * @param kind       what happened to it
 * @param strategyId the strategy of a backtest, null for a strategy
 */
public record EntityChange(Type type, long id, Kind kind, Long strategyId) {

    /** The entities whose changes the caches follow. */
    public enum Type { STRATEGY, BACKTEST }

    /** What happened to the entity. */
    public enum Kind { CREATED, UPDATED, DELETED }

    public static EntityChange strategy(long id, Kind kind) {
        return new EntityChange(Type.STRATEGY, id, kind, null);
    }

    public static EntityChange backtest(long id, Kind kind, long strategyId) {
        return new EntityChange(Type.BACKTEST, id, kind, strategyId);
    }
}
