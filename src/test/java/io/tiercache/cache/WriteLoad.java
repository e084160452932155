package io.tiercache.cache;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Writes on one member for a while, as a member of a cluster under load does: key {@code <prefix><n % keys>} gets
 * value {@code n}, for n = 1, 2, … until the time is up, each write followed by a read of the same key on the same
 * member (read-your-writes). Counts the writes, the failed operations, the reads that found nothing (a cache may miss,
 * e.g. with Redis unreachable) and the reads that returned another value than the one just written (stale), and
 * records each write's latency. Runs on a thread of its own; {@link #await} returns the
 * result. The values per key only grow, so a reader elsewhere can tell an old value from a new one.
 */
final class WriteLoad {

    private final Thread thread;
    private final Histogram latencies = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    private final Map<String, Long> latest = new TreeMap<>();
    private volatile Map<String, Long> published = Map.of();
    private long writes;
    private long errors;
    private long misses;
    private long stale;

    private WriteLoad(TieredCache<String, String> cache, String prefix, int keys, long millis) {
        thread = new Thread(() -> run(cache, prefix, keys, millis), "write-load-" + prefix);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts writing {@code keys} keys named {@code prefix<i>} to {@code cache} for {@code millis}. */
    static WriteLoad start(TieredCache<String, String> cache, String prefix, int keys, long millis) {
        return new WriteLoad(cache, prefix, keys, millis);
    }

    private void run(TieredCache<String, String> cache, String prefix, int keys, long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long n = 1; System.nanoTime() < end; n++) {
            String key = prefix + (n % keys);
            long start = System.nanoTime();
            try {
                cache.put(key, Long.toString(n));
                latencies.recordValue(System.nanoTime() - start);
                writes++;
                latest.put(key, n);
                published = Map.copyOf(latest);
                String read = cache.get(key);
                if (read == null) {
                    misses++;
                } else if (!read.equals(Long.toString(n))) {
                    stale++;
                }
            } catch (RuntimeException e) {
                errors++;
            }
        }
    }

    /** The value of each key whose write has returned by now, by key. */
    Map<String, Long> written() {
        return published;
    }

    /** Waits for the load to end and returns its result. */
    Result await() throws InterruptedException {
        thread.join();
        return new Result(writes, errors, misses, stale, latencies.getValueAtPercentile(99) / 1_000_000,
                latencies.getMaxValue() / 1_000_000, Map.copyOf(latest));
    }

    /**
     * What a load did: writes that returned, operations that threw, reads that found nothing, reads that found another
     * value than the one just written, the p99 and the slowest write in ms, and the last value written of each key.
     */
    record Result(long writes, long errors, long misses, long stale, long p99Millis, long maxMillis,
                  Map<String, Long> latest) {

        /** One line: {@code writes errors misses stale p99 max key=value,…}; {@link #parse} reads it back. */
        String line() {
            return writes + " " + errors + " " + misses + " " + stale + " " + p99Millis + " " + maxMillis + " " + latest.entrySet()
                    .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }

        static Result parse(String line) {
            String[] words = line.split(" ");
            Map<String, Long> latest = words.length < 7 ? Map.of() : Arrays.stream(words[6].split(","))
                    .map(pair -> pair.split("="))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> Long.parseLong(pair[1])));
            return new Result(Long.parseLong(words[0]), Long.parseLong(words[1]), Long.parseLong(words[2]),
                    Long.parseLong(words[3]), Long.parseLong(words[4]), Long.parseLong(words[5]), latest);
        }

        @Override
        public String toString() {
            return writes + " writes, " + errors + " errors, " + misses + " misses, " + stale + " stale reads, p99 " + p99Millis
                    + " ms, max " + maxMillis + " ms";
        }
    }
}
