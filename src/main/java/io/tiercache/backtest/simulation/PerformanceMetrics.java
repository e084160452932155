package io.tiercache.backtest.simulation;

/** Statistics of an equity curve. Every method is a pure function of its arguments. */
final class PerformanceMetrics {

    private PerformanceMetrics() {
    }

    /** The simple returns equity[t] / equity[t - 1] - 1, one fewer than the values. */
    static double[] dailyReturns(double[] equity) {
        double[] returns = new double[equity.length - 1];
        for (int t = 1; t < equity.length; t++) {
            returns[t - 1] = equity[t] / equity[t - 1] - 1;
        }
        return returns;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Standard deviation with the n - 1 denominator; needs at least two values. */
    static double sampleStandardDeviation(double[] values, double mean) {
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return StrictMath.sqrt(squares / (values.length - 1));
    }

    /** The largest fall from a running peak, 1 - equity / peak. */
    static double maxDrawdown(double[] equity) {
        double peak = equity[0];
        double worst = 0;
        for (double value : equity) {
            peak = Math.max(peak, value);
            worst = Math.max(worst, 1 - value / peak);
        }
        return worst;
    }
}
