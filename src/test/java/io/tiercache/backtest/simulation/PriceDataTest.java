package io.tiercache.backtest.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The price files shipped on the classpath and the repository that reads them. */
final class PriceDataTest {

    private static final LocalDate FIRST_DAY = LocalDate.parse(PriceDataGenerator.FIRST_DAY);
    private static final LocalDate LAST_DAY = LocalDate.parse(PriceDataGenerator.LAST_DAY);

    @Test
    void theShippedFilesAreExactlyTheGeneratorsOutput() throws IOException {
        Map<String, String> generated = PriceDataGenerator.generate();
        assertEquals(6, generated.size());
        for (Map.Entry<String, String> file : generated.entrySet()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("prices/" + file.getKey())) {
                assertNotNull(in, file.getKey());
                assertArrayEquals(file.getValue().getBytes(StandardCharsets.UTF_8), in.readAllBytes(), file.getKey());
            }
        }
    }

    @Test
    void everySymbolCoversEveryWeekdayOfTheDocumentedRange() {
        PriceSeriesRepository repository = new PriceSeriesRepository();
        assertEquals(List.of("ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO"), List.copyOf(repository.symbols()));
        long weekdays = FIRST_DAY.datesUntil(LAST_DAY.plusDays(1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .count();
        for (String symbol : repository.symbols()) {
            PriceSeries series = repository.series(symbol);
            assertEquals(symbol, series.symbol());
            assertEquals(FIRST_DAY, series.firstDate());
            assertEquals(LAST_DAY, series.lastDate());
            assertEquals(weekdays, series.size(), symbol);
            for (int i = 1; i < series.size(); i++) {
                long gap = ChronoUnit.DAYS.between(series.date(i - 1), series.date(i));
                assertTrue(gap == 1 || gap == 3 && series.date(i).getDayOfWeek() == DayOfWeek.MONDAY,
                        symbol + " skips a weekday before " + series.date(i));
                double dailyMove = series.close(i) / series.close(i - 1);
                assertTrue(dailyMove > 0.7 && dailyMove < 1.4, symbol + " jumps on " + series.date(i));
            }
        }
    }

    @Test
    void symbolsAreDistinctSeries() {
        PriceSeriesRepository repository = new PriceSeriesRepository();
        assertNotEquals(repository.series("ALPHA").close(100), repository.series("BRAVO").close(100));
    }

    @Test
    void rejectsSymbolsWithoutData() {
        PriceSeriesRepository repository = new PriceSeriesRepository();
        assertThrows(UnknownSymbolException.class, () -> repository.series("ZULU"));
        assertThrows(UnknownSymbolException.class, () -> repository.series("alpha"));
        assertThrows(UnknownSymbolException.class, () -> repository.series("../prices/ALPHA"));
        assertThrows(UnknownSymbolException.class, () -> repository.series(null));
        assertThrows(UnsupportedOperationException.class, () -> repository.symbols().add("ZULU"));
    }

    @Test
    void concurrentFirstUsesLoadASeriesOnce() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        PriceSeries series = PriceSeries.ofWeekdays("TEST", FIRST_DAY, 1, 2, 3);
        PriceSeriesRepository repository = new PriceSeriesRepository(new TreeSet<>(Set.of("TEST")),
                symbol -> {
                    loads.incrementAndGet();
                    return series;
                });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Set<PriceSeries> seen = ConcurrentHashMap.newKeySet();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return seen.add(repository.series("TEST"));
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
            assertEquals(1, loads.get());
            assertSame(series, seen.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsAMalformedLineWithItsNumber() {
        String csv = "date,close\n2024-01-01,10.5\n2024-01-02;11\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceSeries.parseCsv("BAD", new BufferedReader(new StringReader(csv))));
        assertEquals("BAD: line 3: expected two fields", e.getMessage());
    }
}
