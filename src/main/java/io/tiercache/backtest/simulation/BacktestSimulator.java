package io.tiercache.backtest.simulation;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a long/flat moving-average crossover over the daily closes of a symbol.
 *
 * <p>Rules, for the trading days of the requested range only (the moving averages warm up inside it):
 * <ul>
 *   <li>From the {@code slowWindow}-th day on, at each close the strategy wants to be long when the simple
 *       moving average of the last {@code fastWindow} closes is strictly above that of the last
 *       {@code slowWindow} closes, and flat otherwise.</li>
 *   <li>Orders fill at that same close. Entry commits {@code positionFraction} of the current equity, of which
 *       the commission ({@code commissionBps} of the notional) is part; the rest stays in cash at no interest.
 *       Shares are fractional and held unchanged until the exit, which sells all of them and pays the
 *       commission on the proceeds. A position still open on the last day is only marked to market.</li>
 *   <li>Equity = cash + shares x close, recorded for every trading day after that day's trades.</li>
 * </ul>
 * See {@link SimulationResult} for the metrics and {@link SignFlipTest} for the p-value.
 *
 * <p>Deterministic: a request always gives a bit-identical result, in any JVM (the Monte Carlo seed is
 * derived from the request's content, and the arithmetic uses {@link StrictMath}). Thread-safe and stateless
 * apart from the repository.
 */
public final class BacktestSimulator {

    /** Trading days per year, for annualising volatility and the Sharpe ratio. */
    public static final int TRADING_DAYS_PER_YEAR = 252;
    /** Largest accepted commission, in basis points per side (10 %). */
    public static final double MAX_COMMISSION_BPS = 1000;
    /** Largest accepted initial capital. */
    public static final BigDecimal MAX_INITIAL_CAPITAL = new BigDecimal("1e15");

    private static final double DAYS_PER_YEAR = 365.25;

    private final PriceSeriesRepository prices;

    public BacktestSimulator(PriceSeriesRepository prices) {
        this.prices = prices;
    }

    /**
     * Simulates {@code request}.
     *
     * @throws InvalidSimulationException when a value is missing or out of range, naming the field
     * @throws UnknownSymbolException     when there is no data for the symbol
     */
    public SimulationResult run(SimulationRequest request) {
        validate(request);
        PriceSeries series = prices.series(request.symbol());
        int first = series.indexOnOrAfter(request.from());
        int last = series.indexOnOrBefore(request.to());
        validateRange(request, series, first, last);

        StrategyParameters parameters = request.parameters();
        Run run = simulate(series, first, last, parameters, request.initialCapital().doubleValue());
        double[] equity = run.equity();
        int days = equity.length;

        List<EquityPoint> curve = new ArrayList<>(days);
        for (int day = 0; day < days; day++) {
            curve.add(new EquityPoint(series.date(first + day), equity[day]));
        }
        double[] returns = PerformanceMetrics.dailyReturns(equity);
        double growth = equity[days - 1] / equity[0];
        long calendarDays = ChronoUnit.DAYS.between(series.date(first), series.date(last));
        double mean = PerformanceMetrics.mean(returns);
        double deviation = PerformanceMetrics.sampleStandardDeviation(returns, mean);
        double annualisation = StrictMath.sqrt(TRADING_DAYS_PER_YEAR);
        return new SimulationResult(
                growth - 1,
                StrictMath.pow(growth, DAYS_PER_YEAR / calendarDays) - 1,
                deviation * annualisation,
                deviation == 0 ? 0 : mean / deviation * annualisation,
                PerformanceMetrics.maxDrawdown(equity),
                run.trades(),
                SignFlipTest.pValue(returns, seed(request)),
                curve);
    }

    /** The equity at each close of days {@code first..last}, and the number of trades. */
    private record Run(double[] equity, int trades) {
    }

    private static Run simulate(PriceSeries series, int first, int last, StrategyParameters parameters,
                                double capital) {
        int fast = parameters.fastWindow();
        int slow = parameters.slowWindow();
        double commission = parameters.commissionBps() / 10_000;
        int days = last - first + 1;
        double[] equity = new double[days];
        double cash = capital;
        double shares = 0;
        boolean invested = false;
        int trades = 0;
        for (int day = 0; day < days; day++) {
            int index = first + day;
            double close = series.close(index);
            if (day >= slow - 1) {
                boolean wantLong = average(series, index, fast) > average(series, index, slow);
                if (wantLong && !invested) {
                    double committed = parameters.positionFraction() * cash;
                    shares = committed / (1 + commission) / close;
                    cash -= committed;
                    invested = true;
                    trades++;
                } else if (!wantLong && invested) {
                    cash += shares * close * (1 - commission);
                    shares = 0;
                    invested = false;
                    trades++;
                }
            }
            equity[day] = cash + shares * close;
        }
        return new Run(equity, trades);
    }

    /** Simple moving average of the {@code window} closes ending at {@code index}. */
    private static double average(PriceSeries series, int index, int window) {
        double sum = 0;
        for (int i = index - window + 1; i <= index; i++) {
            sum += series.close(i);
        }
        return sum / window;
    }

    private static void validate(SimulationRequest request) {
        if (request == null) {
            throw new InvalidSimulationException("request", "request is required");
        }
        if (request.symbol() == null || request.symbol().isBlank()) {
            throw new InvalidSimulationException("symbol", "symbol is required");
        }
        if (request.from() == null) {
            throw new InvalidSimulationException("from", "from is required");
        }
        if (request.to() == null) {
            throw new InvalidSimulationException("to", "to is required");
        }
        if (!request.to().isAfter(request.from())) {
            throw new InvalidSimulationException("to", "to must be after from (" + request.from() + ")");
        }
        BigDecimal capital = request.initialCapital();
        if (capital == null) {
            throw new InvalidSimulationException("initialCapital", "initialCapital is required");
        }
        if (capital.signum() <= 0) {
            throw new InvalidSimulationException("initialCapital", "initialCapital must be greater than 0");
        }
        if (capital.compareTo(MAX_INITIAL_CAPITAL) > 0) {
            throw new InvalidSimulationException("initialCapital",
                    "initialCapital must be at most " + MAX_INITIAL_CAPITAL.toPlainString());
        }
        StrategyParameters parameters = request.parameters();
        if (parameters == null) {
            throw new InvalidSimulationException("parameters", "parameters are required");
        }
        if (parameters.fastWindow() < 1) {
            throw new InvalidSimulationException("fastWindow", "fastWindow must be at least 1");
        }
        if (parameters.slowWindow() <= parameters.fastWindow()) {
            throw new InvalidSimulationException("slowWindow",
                    "slowWindow must be greater than fastWindow (" + parameters.fastWindow() + ")");
        }
        double fraction = parameters.positionFraction();
        if (!(fraction > 0 && fraction <= 1)) {
            throw new InvalidSimulationException("positionFraction",
                    "positionFraction must be greater than 0 and at most 1");
        }
        double commission = parameters.commissionBps();
        if (!(commission >= 0 && commission <= MAX_COMMISSION_BPS)) {
            throw new InvalidSimulationException("commissionBps",
                    "commissionBps must be between 0 and " + (int) MAX_COMMISSION_BPS);
        }
    }

    private static void validateRange(SimulationRequest request, PriceSeries series, int first, int last) {
        if (request.from().isBefore(series.firstDate())) {
            throw new InvalidSimulationException("from", "from must be on or after " + series.firstDate()
                    + ", the first day with prices for " + series.symbol());
        }
        if (request.to().isAfter(series.lastDate())) {
            throw new InvalidSimulationException("to", "to must be on or before " + series.lastDate()
                    + ", the last day with prices for " + series.symbol());
        }
        int days = last - first + 1;
        int needed = request.parameters().slowWindow() + 1;
        if (days < needed) {
            throw new InvalidSimulationException("from", "the range " + request.from() + ".." + request.to()
                    + " holds " + Math.max(days, 0) + " trading days; slowWindow "
                    + request.parameters().slowWindow() + " needs at least " + needed);
        }
    }

    /** A seed that depends on every value of the request and nothing else (no identity hash codes). */
    static long seed(SimulationRequest request) {
        StrategyParameters parameters = request.parameters();
        long seed = 0x7469657263616368L;
        seed = mix(seed ^ request.symbol().hashCode());
        seed = mix(seed ^ request.from().toEpochDay());
        seed = mix(seed ^ request.to().toEpochDay());
        seed = mix(seed ^ request.initialCapital().stripTrailingZeros().toString().hashCode());
        seed = mix(seed ^ parameters.fastWindow());
        seed = mix(seed ^ parameters.slowWindow());
        seed = mix(seed ^ Double.doubleToLongBits(parameters.positionFraction()));
        return mix(seed ^ Double.doubleToLongBits(parameters.commissionBps()));
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
