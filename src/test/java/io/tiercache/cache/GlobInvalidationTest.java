package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.key.KeyCodec;
import io.tiercache.cache.l1.L1Tier;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import redis.embedded.RedisServer;

/**
 * {@code clear}, {@code removeAll} and {@code invalidatePattern} remove the same entries from Hazelcast as from Redis,
 * whatever the key: line terminators and multibyte characters included (Redis matches globs against UTF-8 bytes).
 */
class GlobInvalidationTest {

    private static final List<String> KEYS = List.of("a\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b", "\n",
            "x\r\n", "", "e", "é", "ab", "a-b");

    private static RedisServer redis;
    private static TieredCacheManager manager;

    @BeforeAll
    static void start() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        Properties p = EngineFixture.properties("glob-invalidation", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.hazelcast.partition-count", "1");
        manager = EngineFixture.manager("glob-invalidation", p);
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    /** A new cache holding every key of {@link #KEYS} in both layers. */
    private static TieredCache<String, String> filled(String name) {
        TieredCache<String, String> cache = manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
        KEYS.forEach(key -> cache.put(key, "v"));
        assertEquals(Set.copyOf(KEYS), l1Keys(name));
        assertEquals(Set.copyOf(KEYS), l2Keys(name));
        return cache;
    }

    private static Set<String> l1Keys(String cache) {
        return manager.unwrap(HazelcastInstance.class).<String, Object>getMap(L1Tier.mapName(cache)).keySet();
    }

    private static Set<String> l2Keys(String cache) {
        KeyCodec codec = new KeyCodec(cache);
        return StreamSupport.stream(manager.unwrap(RedissonClient.class).getKeys()
                        .getKeys(KeysScanOptions.defaults().pattern(codec.redisPattern("*"))).spliterator(), false)
                .map(codec::textOf).collect(Collectors.toSet());
    }

    private static void assertEmptiedBy(String name, Consumer<TieredCache<String, String>> operation) {
        TieredCache<String, String> cache = filled(name);
        operation.accept(cache);
        assertEquals(Set.of(), l1Keys(name), "Hazelcast after " + name);
        assertEquals(Set.of(), l2Keys(name), "Redis after " + name);
        KEYS.forEach(key -> assertNull(cache.get(key), () -> name + " left " + key.codePoints().boxed().toList()));
    }

    @Test
    void clearRemovesEveryKey() {
        assertEmptiedBy("clear", TieredCache::clear);
    }

    @Test
    void removeAllRemovesEveryKey() {
        assertEmptiedBy("remove-all", TieredCache::removeAll);
    }

    @Test
    void invalidatingStarRemovesEveryKey() {
        assertEmptiedBy("star", cache -> assertEquals(KEYS.size(), cache.invalidatePattern("*")));
    }

    /** Invalidates {@code glob} in a new cache and checks that exactly {@code removed} left both layers. */
    private static void assertRemoves(String name, String glob, Set<String> removed) {
        TieredCache<String, String> cache = filled(name);
        assertEquals(removed.size(), cache.invalidatePattern(glob), glob);
        Set<String> left = KEYS.stream().filter(key -> !removed.contains(key)).collect(Collectors.toSet());
        assertEquals(left, l1Keys(name), "Hazelcast after " + glob);
        assertEquals(left, l2Keys(name), "Redis after " + glob);
        removed.forEach(key -> assertNull(cache.get(key), key));
        left.forEach(key -> assertEquals("v", cache.get(key), key));
    }

    @Test
    void questionMarkIsOneByte() {
        assertRemoves("one-byte", "a?b", Set.of("a\nb", "a\rb", "a-b"));
        assertRemoves("two-bytes", "a??b", Set.of("a\u0085b"));
        assertRemoves("three-bytes", "a???b", Set.of("a\u2028b", "a\u2029b"));
        assertRemoves("char-e", "?", Set.of("\n", "e"));
        assertRemoves("two-chars", "??", Set.of("é", "ab"));
    }

    @Test
    void starsAndSetsReachLineTerminators() {
        assertRemoves("a-star-b", "a*b", Set.of("a\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b", "ab", "a-b"));
        assertRemoves("star-crlf", "*\r\n", Set.of("x\r\n"));
        assertRemoves("set-newline", "[\n]", Set.of("\n"));
        assertRemoves("not-a", "a[^a]b", Set.of("a\nb", "a\rb", "a-b"));
        assertRemoves("range-reversed", "a[\r-\n]b", Set.of("a\nb", "a\rb"));
        assertRemoves("unclosed-set", "[e", Set.of("e"));
    }
}
