package io.tiercache.cache.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tiercache.cache.TieredCache;
import io.tiercache.cache.TieredCacheManager;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.MutableConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.codec.SerializationCodec;

/**
 * Side by side, on one Hazelcast member and one redis-server started for the run (127.0.0.1, own ports): an L1 hit
 * through the tiered cache against a raw near-cached {@code IMap.get} configured alike; an L2 hit through the tiered
 * cache (a cache with L1 disabled) against a raw Redisson {@code RBucket.get} with JDK serialization of the same
 * value; a Caffeine get as the in-process floor. The tiered caches store by reference, as the application's do (a
 * store-by-value cache, the JCache default, copies the value on every hit). Statistics (counters and latency
 * histograms) stay on. The L2
 * benchmarks sample every call's time, so that their median can be compared: a network round trip on a shared
 * machine has a long tail that swamps averages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TieredCacheBenchmark {

    private static final String KEY = "quote:ACME:2024-03-01";

    private BenchEngine engine;
    private TieredCache<String, Quote> tieredL1;
    private TieredCache<String, Quote> tieredL2;
    private IMap<String, Quote> rawNearCached;
    private RBucket<Quote> rawBucket;
    private Cache<String, Quote> caffeine;

    @Setup(Level.Trial)
    public void start() throws IOException {
        engine = new BenchEngine("bench", Map.of("tiercache.cache.bench-l2.l1.enabled", "false"));
        TieredCacheManager manager = engine.manager();
        MutableConfiguration<String, Quote> configuration = new MutableConfiguration<String, Quote>()
                .setTypes(String.class, Quote.class).setStoreByValue(false);
        tieredL1 = manager.createCache("bench-l1", configuration).unwrap(TieredCache.class);
        tieredL2 = manager.createCache("bench-l2", configuration).unwrap(TieredCache.class);
        tieredL1.put(KEY, Quote.sample());
        tieredL2.put(KEY, Quote.sample());

        HazelcastInstance hazelcast = manager.unwrap(HazelcastInstance.class);
        hazelcast.getConfig().addMapConfig(new MapConfig("raw-near")
                .setNearCacheConfig(new NearCacheConfig("raw-near").setInMemoryFormat(InMemoryFormat.OBJECT)
                        .setCacheLocalEntries(true).setInvalidateOnChange(true).setSerializeKeys(false)
                        .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                                .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT).setSize(10_000)))
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(10_000)));
        rawNearCached = hazelcast.getMap("raw-near");
        rawNearCached.set(KEY, Quote.sample(), 5, TimeUnit.MINUTES);

        RedissonClient redisson = manager.unwrap(RedissonClient.class);
        rawBucket = redisson.getBucket("raw:" + KEY, new SerializationCodec());
        rawBucket.set(Quote.sample());

        caffeine = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(5, TimeUnit.MINUTES).build();
        caffeine.put(KEY, Quote.sample());

        if (tieredL1.get(KEY) == null || tieredL2.get(KEY) == null || rawNearCached.get(KEY) == null
                || rawBucket.get() == null) {
            throw new IllegalStateException("benchmark data missing");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        engine.close();
    }

    @Benchmark
    public Quote l1HitTiered() {
        return tieredL1.get(KEY);
    }

    @Benchmark
    public Quote l1HitRawNearCache() {
        return rawNearCached.get(KEY);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Quote l2HitTiered() {
        return tieredL2.get(KEY);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Quote l2HitRawRedisson() {
        return rawBucket.get();
    }

    @Benchmark
    public Quote caffeineGet() {
        return caffeine.getIfPresent(KEY);
    }
}
