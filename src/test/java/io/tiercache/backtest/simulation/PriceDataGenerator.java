package io.tiercache.backtest.simulation;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the synthetic price data shipped in {@code src/main/resources/prices/}: for each symbol, the close
 * of every weekday from {@value #FIRST_DAY} to {@value #LAST_DAY} (no holidays), as {@code SYMBOL.csv}, plus the
 * list of symbols {@code symbols.txt}.
 *
 * <p>Each symbol follows a geometric Brownian motion whose drift and volatility switch between a bull and a bear
 * regime (a two-state Markov chain, switched with a fixed daily probability), so that moving averages cross.
 * The output is byte-for-byte reproducible on any JVM: a fixed seed, {@link SplittableRandom} (whose algorithm is
 * specified), normal variates by Box-Muller with {@link StrictMath}, and closes rounded half-even to
 * {@value #DECIMALS} decimals. {@code PriceDataTest} checks that the shipped files equal this output.
 *
 * <p>Re-run with {@code mvn -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.tiercache.backtest.simulation.PriceDataGenerator} (optional argument: output directory).
 */
public final class PriceDataGenerator {

    static final String FIRST_DAY = "2015-01-02";
    static final String LAST_DAY = "2024-12-31";
    static final int DECIMALS = 4;

    private static final long SEED = 20150102L;
    private static final double YEAR = 252;
    private static final double BULL_TO_BEAR = 1.0 / 400;
    private static final double BEAR_TO_BULL = 1.0 / 100;

    /** Annual drift and volatility of each regime, and the first close. */
    private record Profile(String symbol, double start, double bullDrift, double bullVolatility,
                           double bearDrift, double bearVolatility) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("ALPHA", 50, 0.14, 0.18, -0.20, 0.30),
            new Profile("BRAVO", 120, 0.30, 0.35, -0.35, 0.50),
            new Profile("CHARLIE", 35, 0.07, 0.12, -0.08, 0.18),
            new Profile("DELTA", 80, 0.18, 0.25, -0.30, 0.40),
            new Profile("ECHO", 15, 0.03, 0.22, -0.05, 0.28));

    private PriceDataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/main/resources/prices");
        Files.createDirectories(directory);
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** File name to content, in a fixed order. */
    static Map<String, String> generate() {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder();
        for (int i = 0; i < PROFILES.size(); i++) {
            Profile profile = PROFILES.get(i);
            files.put(profile.symbol() + ".csv", csv(profile, new SplittableRandom(SEED + i)));
            index.append(profile.symbol()).append('\n');
        }
        files.put("symbols.txt", index.toString());
        return files;
    }

    private static String csv(Profile profile, SplittableRandom random) {
        StringBuilder csv = new StringBuilder(PriceSeries.CSV_HEADER).append('\n');
        double price = profile.start();
        boolean bull = true;
        LocalDate last = LocalDate.parse(LAST_DAY);
        for (LocalDate day = LocalDate.parse(FIRST_DAY); !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            csv.append(day).append(',')
                    .append(new BigDecimal(price).setScale(DECIMALS, RoundingMode.HALF_EVEN).toPlainString())
                    .append('\n');
            if (random.nextDouble() < (bull ? BULL_TO_BEAR : BEAR_TO_BULL)) {
                bull = !bull;
            }
            double drift = bull ? profile.bullDrift() : profile.bearDrift();
            double volatility = bull ? profile.bullVolatility() : profile.bearVolatility();
            double logReturn = (drift - volatility * volatility / 2) / YEAR
                    + volatility / StrictMath.sqrt(YEAR) * standardNormal(random);
            price *= StrictMath.exp(logReturn);
        }
        return csv.toString();
    }

    /** Box-Muller: one standard normal variate from two uniform ones. */
    private static double standardNormal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
    }
}
