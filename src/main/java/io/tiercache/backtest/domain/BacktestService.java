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
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs and stores backtests. Creating one runs the simulation synchronously: an unknown strategy
 * ({@link InvalidReferenceException}) or input the simulation rejects
 * ({@link InvalidSimulationException}, {@link UnknownSymbolException}) propagates and nothing is stored; any
 * other failure of the simulation is stored as a {@link BacktestStatus#FAILED} backtest with its reason.
 */
@ApplicationScoped
@Transactional
public class BacktestService {

    private static final Logger LOG = Logger.getLogger(BacktestService.class.getName());

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
            LOG.log(Level.WARNING, "Simulation failed for " + request, e);
            backtest.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        em.persist(backtest);
        em.flush();
        return backtest;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Backtest get(long id) {
        Backtest backtest = em.find(Backtest.class, id);
        if (backtest == null) {
            throw new UnknownEntityException("Backtest", id);
        }
        return backtest;
    }

    /** The backtests of a strategy, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Backtest> ofStrategy(long strategyId) {
        Strategy strategy = strategies.get(strategyId);
        return em.createQuery("SELECT b FROM Backtest b WHERE b.strategy = :strategy ORDER BY b.id", Backtest.class)
                .setParameter("strategy", strategy)
                .getResultList();
    }

    public void delete(long id) {
        em.remove(get(id));
    }
}
