package io.tiercache.backtest.domain;

import io.tiercache.backtest.simulation.BacktestSimulator;
import io.tiercache.backtest.simulation.InvalidSimulationException;
import io.tiercache.backtest.simulation.SimulationRequest;
import io.tiercache.backtest.simulation.SimulationResult;
import io.tiercache.backtest.simulation.StrategyParameters;
import io.tiercache.backtest.simulation.UnknownSymbolException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs and stores backtests. Creating one runs the simulation synchronously: an unknown strategy
 * ({@link InvalidReferenceException}) or input the simulation rejects
 * ({@link InvalidSimulationException}, {@link UnknownSymbolException}) propagates and nothing is stored; any
 * other failure of the simulation is stored as a {@link BacktestStatus#FAILED} backtest with a generic reason that
 * names an incident id, under which the failure is logged.
 */
@ApplicationScoped
@Transactional
public class BacktestService {

    private static final System.Logger LOG = System.getLogger(BacktestService.class.getName());

    @PersistenceContext(unitName = "tiercache")
    EntityManager em;

    @Inject
    StrategyService strategies;

    @Inject
    BacktestSimulator simulator;

    public Backtest create(long strategyId, String symbol, LocalDate from, LocalDate to, BigDecimal initialCapital) {
        Strategy strategy = em.find(Strategy.class, strategyId);
        if (strategy == null) {
            throw new InvalidReferenceException("strategyId", "strategy " + strategyId + " does not exist");
        }
        Backtest backtest = new Backtest(strategy, symbol, from, to, initialCapital);
        SimulationRequest request = new SimulationRequest(symbol, from, to, initialCapital,
                new StrategyParameters(strategy.getFastWindow(), strategy.getSlowWindow(),
                        strategy.getPositionFraction(), strategy.getCommissionBps()));
        try {
            SimulationResult result = simulator.run(request);
            backtest.complete(new Metrics(result.totalReturn(), result.cagr(), result.annualizedVolatility(),
                    result.sharpeRatio(), result.maxDrawdown(), result.numberOfTrades(), result.sharpePValue()),
                    EquityCurveCodec.encode(result.equityCurve()));
        } catch (InvalidSimulationException | UnknownSymbolException e) {
            throw e;
        } catch (RuntimeException e) {
            backtest.fail(failureReason(request, e));
        }
        em.persist(backtest);
        em.flush();
        return backtest;
    }

    /**
     * The reason stored for a simulation that failed unexpectedly: generic, with an incident id under which the
     * request and the failure, with its stack trace, are logged. Clients never see internal messages.
     */
    static String failureReason(SimulationRequest request, RuntimeException failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.WARNING, "Simulation failed for " + request + ", incident " + incident, failure);
        return "The simulation failed unexpectedly (incident " + incident + ")";
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Backtest get(long id) {
        Backtest backtest = em.find(Backtest.class, id);
        if (backtest == null) {
            throw new UnknownEntityException("Backtest", id);
        }
        return backtest;
    }

    /** The ids of the {@code limit} most recently created backtests, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> recentIds(int limit) {
        return em.createQuery("SELECT b.id FROM Backtest b ORDER BY b.createdAt DESC, b.id DESC", Long.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The backtests of a strategy, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Backtest> ofStrategy(long strategyId) {
        Strategy strategy = strategies.get(strategyId);
        return em.createQuery("SELECT b FROM Backtest b WHERE b.strategy = :strategy ORDER BY b.id", Backtest.class)
                .setParameter("strategy", strategy)
                .getResultList();
    }

    /**
     * Deletes the backtest once {@code precondition} has accepted its current state (it throws to refuse).
     */
    public void delete(long id, Consumer<Backtest> precondition) {
        Backtest backtest = get(id);
        precondition.accept(backtest);
        em.remove(backtest);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException(e);
        }
    }
}
