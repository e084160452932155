package io.tiercache.backtest.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The daily price series available to backtests. The symbols come from the classpath resource
 * {@value #INDEX}; each symbol's series is read from {@code prices/SYMBOL.csv} on first use and kept in
 * memory. Thread-safe: concurrent first uses of one symbol read its file once.
 */
public final class PriceSeriesRepository {

    static final String DIRECTORY = "prices/";
    static final String INDEX = DIRECTORY + "symbols.txt";

    private final SortedSet<String> symbols;
    private final Function<String, PriceSeries> loader;
    private final Map<String, PriceSeries> loaded = new ConcurrentHashMap<>();

    /** A repository of the price data shipped on the classpath. */
    public PriceSeriesRepository() {
        this(readIndex(), PriceSeriesRepository::readSeries);
    }

    PriceSeriesRepository(SortedSet<String> symbols, Function<String, PriceSeries> loader) {
        this.symbols = Collections.unmodifiableSortedSet(new TreeSet<>(symbols));
        this.loader = loader;
    }

    /** A repository holding exactly the given series (for tests). */
    static PriceSeriesRepository of(PriceSeries... series) {
        Map<String, PriceSeries> bySymbol = new ConcurrentHashMap<>();
        Arrays.stream(series).forEach(s -> bySymbol.put(s.symbol(), s));
        return new PriceSeriesRepository(new TreeSet<>(bySymbol.keySet()), bySymbol::get);
    }

    /** The symbols with data, in natural order; unmodifiable. */
    public SortedSet<String> symbols() {
        return symbols;
    }

    /**
     * The series of {@code symbol} (case-sensitive).
     *
     * @throws UnknownSymbolException when there is no data for it
     */
    public PriceSeries series(String symbol) {
        if (symbol == null || !symbols.contains(symbol)) {
            throw new UnknownSymbolException(symbol);
        }
        return loaded.computeIfAbsent(symbol, loader);
    }

    private static SortedSet<String> readIndex() {
        try (BufferedReader reader = open(INDEX)) {
            SortedSet<String> symbols = new TreeSet<>();
            reader.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(symbols::add);
            return symbols;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + INDEX, e);
        }
    }

    private static PriceSeries readSeries(String symbol) {
        try (BufferedReader reader = open(DIRECTORY + symbol + ".csv")) {
            return PriceSeries.parseCsv(symbol, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read prices of " + symbol, e);
        }
    }

    private static BufferedReader open(String resource) {
        InputStream in = PriceSeriesRepository.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
