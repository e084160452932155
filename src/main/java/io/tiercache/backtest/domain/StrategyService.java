package io.tiercache.backtest.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes strategies. Names are unique: a write that would duplicate one fails with
 * {@link DuplicateStrategyNameException}, whether the name is found beforehand or the database's unique
 * constraint catches a concurrent writer. Deleting a strategy deletes its backtests.
 */
@ApplicationScoped
@Transactional
public class StrategyService {

    /** SQLSTATE of a unique constraint violation (H2, PostgreSQL and the SQL standard). */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The name filter; {@code :pattern} is a lower-case LIKE pattern with its wildcards escaped by a backslash. */
    private static final String NAME_MATCHES = "LOWER(s.name) LIKE :pattern ESCAPE '\\'";

    @PersistenceContext(unitName = "tiercache")
    EntityManager em;

    /** Strategies whose name contains {@code nameFilter} (ignoring case; {@code null} for all), by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Strategy> list(String nameFilter, int offset, int limit) {
        return em.createQuery("SELECT s FROM Strategy s WHERE " + NAME_MATCHES + " ORDER BY s.id", Strategy.class)
                .setParameter("pattern", likePattern(nameFilter))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String nameFilter) {
        return em.createQuery("SELECT COUNT(s) FROM Strategy s WHERE " + NAME_MATCHES, Long.class)
                .setParameter("pattern", likePattern(nameFilter))
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Strategy get(long id) {
        Strategy strategy = em.find(Strategy.class, id);
        if (strategy == null) {
            throw new UnknownEntityException("Strategy", id);
        }
        return strategy;
    }

    public Strategy create(Strategy strategy) {
        requireNameFree(strategy.getName(), null);
        em.persist(strategy);
        flush(strategy.getName());
        return strategy;
    }

    public Strategy update(long id, String name, String description, int fastWindow, int slowWindow,
            double positionFraction, double commissionBps) {
        Strategy strategy = get(id);
        requireNameFree(name, id);
        strategy.update(name, description, fastWindow, slowWindow, positionFraction, commissionBps);
        flush(name);
        return strategy;
    }

    /** Deletes the strategy and all its backtests. */
    public void delete(long id) {
        Strategy strategy = get(id);
        em.createQuery("DELETE FROM Backtest b WHERE b.strategy = :strategy")
                .setParameter("strategy", strategy)
                .executeUpdate();
        em.remove(strategy);
    }

    private void requireNameFree(String name, Long exceptId) {
        boolean taken = !em.createQuery("SELECT s.id FROM Strategy s WHERE s.name = :name", Long.class)
                .setParameter("name", name)
                .getResultStream()
                .filter(id -> !id.equals(exceptId))
                .findAny()
                .isEmpty();
        if (taken) {
            throw new DuplicateStrategyNameException(name, null);
        }
    }

    private void flush(String name) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateStrategyNameException(name, e);
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String likePattern(String nameFilter) {
        if (nameFilter == null || nameFilter.isBlank()) {
            return "%";
        }
        String escaped = nameFilter.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
