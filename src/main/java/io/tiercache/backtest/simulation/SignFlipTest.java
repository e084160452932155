package io.tiercache.backtest.simulation;

import java.util.SplittableRandom;

/**
 * A Monte Carlo random-sign test of the Sharpe ratio: under the null hypothesis the daily returns are symmetric
 * around zero, so every one of them is as likely with its sign flipped. Each resample flips the sign of each
 * return with probability 1/2 and recomputes the Sharpe ratio; the p-value is
 * (1 + resamples whose Sharpe ratio is at least the observed one) / (1 + {@value #RESAMPLES}).
 *
 * <p>Flipping signs keeps the sum of squares, and for a fixed sum of squares the Sharpe ratio increases with
 * the sum of the returns, so comparing the sums is the same as comparing the Sharpe ratios, without rounding.
 */
final class SignFlipTest {

    /** Resamples per test; sets the cost of a backtest (tens of milliseconds over ten years of days). */
    static final int RESAMPLES = 10_000;

    private SignFlipTest() {
    }

    /** The p-value for {@code returns}, drawn from a generator seeded with {@code seed}; 1 when all are 0. */
    static double pValue(double[] returns, long seed) {
        double observed = 0;
        boolean varies = false;
        for (double value : returns) {
            observed += value;
            varies |= value != returns[0];
        }
        if (!varies && returns[0] == 0) {
            return 1;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int atLeastObserved = 0;
        for (int resample = 0; resample < RESAMPLES; resample++) {
            if (flippedSum(returns, random) >= observed) {
                atLeastObserved++;
            }
        }
        return (1.0 + atLeastObserved) / (1.0 + RESAMPLES);
    }

    private static double flippedSum(double[] returns, SplittableRandom random) {
        double sum = 0;
        long bits = 0;
        for (int i = 0; i < returns.length; i++) {
            if ((i & 63) == 0) {
                bits = random.nextLong();
            }
            sum += (bits & 1) == 0 ? returns[i] : -returns[i];
            bits >>>= 1;
        }
        return sum;
    }
}
