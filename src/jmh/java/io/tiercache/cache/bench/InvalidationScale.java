package io.tiercache.cache.bench;

import io.tiercache.cache.TieredCache;
import io.tiercache.cache.TieredCacheManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.ByteArrayCodec;

/**
 * One-shot wall times of {@code removeAll()} and {@code invalidatePattern} over {@code n} Redis keys of 1 KiB values,
 * beside the floor of doing the same by hand: {@code SCAN MATCH} with the engine's {@code COUNT} (500) and
 * {@code UNLINK} of each batch, through the same Redisson client. Runs against a {@code redis-server} it starts on a
 * free port of 127.0.0.1 ({@code --save '' --appendonly no}) and one Hazelcast member; the cache has L1 disabled
 * (the walk of Redis is what grows), {@code tiercache.redis.scan-timeout} is 10 minutes (the default, 2 s, would
 * bump the cache's L2 generation instead of deleting past 2 s) and {@code tiercache.redis.timeout} 5 s.
 *
 * <p>Keys are {@code g<i % 10>:item:<i>}: {@code invalidatePattern("g0:*")} removes a tenth of them and walks all.
 * Redis is filled with the bytes and TTL (none, for this cache) of one value the engine wrote, copied under every key by pipelined
 * {@code SET}s (the engine writes Redis one key at a time, which would take minutes at a million keys).
 */
public final class InvalidationScale implements AutoCloseable {

    private static final String CACHE = "scale";
    private static final String PREFIX = "tiercache:" + CACHE + ":";
    private static final int VALUE_BYTES = 1024;

    /** One timed operation: {@code millis} of wall time, {@code removed} keys as the operation reported them. */
    public record Timing(int keys, String operation, double millis, long removed) {
    }

    private final Process redis;
    private final TieredCacheManager manager;
    private final TieredCache<String, String> cache;
    private final RedissonClient redisson;
    private byte[] template;
    private long templateTtlMillis;

    public InvalidationScale() throws IOException, InterruptedException {
        int redisPort = BenchEngine.freePort();
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitPort(redisPort);
        int hazelcastPort = BenchEngine.freePort();
        Properties p = new Properties();
        p.setProperty("tiercache.redis.address", "redis://127.0.0.1:" + redisPort);
        p.setProperty("tiercache.hazelcast.cluster-name", "invalidation-scale-" + hazelcastPort);
        p.setProperty("tiercache.hazelcast.port", Integer.toString(hazelcastPort));
        p.setProperty("tiercache.hazelcast.members", "127.0.0.1:" + hazelcastPort);
        p.setProperty("tiercache.hazelcast.property.hazelcast.logging.type", "none");
        p.setProperty("tiercache.redis.timeout", "5s");
        p.setProperty("tiercache.redis.scan-timeout", "10m");
        p.setProperty("tiercache.cache." + CACHE + ".l1.enabled", "false");
        manager = (TieredCacheManager) Caching.getCachingProvider("io.tiercache.cache.spi.TieredCachingProvider")
                .getCacheManager(URI.create("invalidation-scale"), getClass().getClassLoader(), p);
        cache = manager.createCache(CACHE, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setStoreByValue(false)).unwrap(TieredCache.class);
        redisson = manager.unwrap(RedissonClient.class);
    }

    /** Times, for each count, removeAll then the floor, invalidatePattern then the floor (each on fresh keys). */
    public List<Timing> run(int[] counts) {
        List<Timing> timings = new ArrayList<>();
        for (int n : counts) {
            fill(n, 1);
            long start = System.nanoTime();
            cache.removeAll();
            timings.add(new Timing(n, "removeAll", millisSince(start), n - count(PREFIX + "*")));
            fill(n, 1);
            start = System.nanoTime();
            long removed = scanAndUnlink(PREFIX + "*");
            timings.add(new Timing(n, "SCAN+UNLINK *", millisSince(start), removed));
            fill(n, 1);
            start = System.nanoTime();
            removed = cache.invalidatePattern("g0:*");
            timings.add(new Timing(n, "invalidatePattern g0:*", millisSince(start), removed));
            fill(n, 10);
            start = System.nanoTime();
            removed = scanAndUnlink(PREFIX + "g0:*");
            timings.add(new Timing(n, "SCAN+UNLINK g0:*", millisSince(start), removed));
            scanAndUnlink(PREFIX + "*");
            Timing last = timings.get(timings.size() - 4);
            System.out.printf("  %,9d keys: removeAll %.0f ms%n", n, last.millis());
        }
        return timings;
    }

    /** Writes keys {@code g<i % 10>:item:<i>} for {@code i < n} with {@code i % stride == 0}. */
    private void fill(int n, int stride) {
        if (template == null) {
            cache.put("template", "v".repeat(VALUE_BYTES));
            template = redisson.<byte[]>getBucket(PREFIX + "template", ByteArrayCodec.INSTANCE).get();
            templateTtlMillis = redisson.getBucket(PREFIX + "template").remainTimeToLive();
            cache.remove("template");
        }
        RBatch batch = redisson.createBatch();
        int pending = 0;
        for (int i = 0; i < n; i += stride) {
            var bucket = batch.<byte[]>getBucket(PREFIX + "g" + i % 10 + ":item:" + i, ByteArrayCodec.INSTANCE);
            if (templateTtlMillis > 0) {
                bucket.setAsync(template, templateTtlMillis, TimeUnit.MILLISECONDS);
            } else {
                bucket.setAsync(template);
            }
            if (++pending == 10_000) {
                batch.execute();
                batch = redisson.createBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            batch.execute();
        }
    }

    private long count(String pattern) {
        long count = 0;
        for (Iterator<String> keys = redisson.getKeys().getKeys(KeysScanOptions.defaults().pattern(pattern)
                .chunkSize(1000)).iterator(); keys.hasNext(); keys.next()) {
            count++;
        }
        return count;
    }

    private long scanAndUnlink(String pattern) {
        long removed = 0;
        List<String> chunk = new ArrayList<>();
        for (String key : redisson.getKeys().getKeys(KeysScanOptions.defaults().pattern(pattern).chunkSize(500))) {
            chunk.add(key);
            if (chunk.size() == 500) {
                removed += redisson.getKeys().unlink(chunk.toArray(String[]::new));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            removed += redisson.getKeys().unlink(chunk.toArray(String[]::new));
        }
        return removed;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            manager.close();
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new UncheckedIOException(new IOException("redis-server did not listen on port " + port));
    }
}
