package io.tiercache.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tiercache.cache.key.KeyCodec;
import io.tiercache.cache.l1.L1Tier;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Every cache name has key spaces of its own in Hazelcast, in Redis and in JMX, whatever characters it contains. */
class CacheNameCollisionTest {

    private static int redisPort;
    private static RedisServer redis;
    private static TieredCacheManager manager;

    @BeforeAll
    static void start() {
        redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        Properties p = EngineFixture.properties("name-collisions", EngineFixture.freePort(), redisPort);
        p.setProperty("tiercache.hazelcast.partition-count", "1");
        manager = EngineFixture.manager("name-collisions", p);
    }

    @AfterAll
    static void stop() {
        manager.close();
        EngineFixture.stop(redis);
    }

    private static TieredCache<String, String> cache(String name) {
        return manager.createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)).unwrap(TieredCache.class);
    }

    private static IMap<String, Object> l1(String cache) {
        return manager.unwrap(HazelcastInstance.class).getMap(L1Tier.mapName(cache));
    }

    private static boolean inRedis(String cache, String key) {
        return EngineFixture.redisHas(redisPort, new KeyCodec(cache).redisKey(key));
    }

    /** Caches {@code <base>} and {@code <base>:sub}, holding entries whose Redis keys used to be the same. */
    private static void assertUntouchedBy(String base, Consumer<TieredCache<String, String>> operation) {
        String innerName = base + ":sub";
        TieredCache<String, String> outer = cache(base);
        TieredCache<String, String> inner = cache(innerName);
        outer.put("sub:k", "outer");
        inner.put("k", "inner");
        l1(base).delete("sub:k");
        l1(innerName).delete("k");
        assertEquals("outer", outer.get("sub:k"), "from Redis");
        assertEquals("inner", inner.get("k"), "from Redis");

        operation.accept(outer);
        assertNull(outer.get("sub:k"));
        assertEquals(Set.of("k"), l1(innerName).keySet());
        assertTrue(inRedis(innerName, "k"));
        l1(innerName).delete("k");
        assertEquals("inner", inner.get("k"), "from Redis");

        outer.put("sub:k", "outer");
        operation.accept(inner);
        assertNull(inner.get("k"));
        assertEquals(Set.of("sub:k"), l1(base).keySet());
        assertTrue(inRedis(base, "sub:k"));
        assertEquals("outer", outer.get("sub:k"));
        assertNotEquals(new KeyCodec(base).redisKey("sub:k"), new KeyCodec(innerName).redisKey("k"));
    }

    @Test
    void removeAllLeavesACacheWhoseNameExtendsItsName() {
        assertUntouchedBy("remove-all", TieredCache::removeAll);
    }

    @Test
    void clearLeavesACacheWhoseNameExtendsItsName() {
        assertUntouchedBy("clear", TieredCache::clear);
    }

    @Test
    void patternsStayInTheirCache() {
        assertUntouchedBy("pattern", cache -> cache.invalidatePattern("*"));
        TieredCache<String, String> outer = cache("glob[x]");
        TieredCache<String, String> inner = cache("glob[x]:%");
        outer.put("%:k", "outer");
        inner.put("k", "inner");
        assertEquals(1, outer.invalidatePattern("%:*"));
        assertTrue(inRedis("glob[x]:%", "k"));
        assertEquals(1, inner.invalidatePattern("*"));
        assertEquals(0, outer.invalidatePattern("*"));
    }

    /** The generation of {@code cache} in whichever Hazelcast map holds the generations. */
    private static Long generationOf(String cache) {
        return manager.unwrap(HazelcastInstance.class).getDistributedObjects().stream()
                .filter(IMap.class::isInstance)
                .map(map -> ((IMap<?, ?>) map).get(cache))
                .filter(Long.class::isInstance).map(Long.class::cast)
                .findFirst().orElse(null);
    }

    @Test
    void aCacheNamedGenerationsIsACacheLikeAnyOther() {
        TieredCache<String, String> other = cache("gen-other");
        other.put("k", "v");
        Long generation = generationOf("gen-other");
        assertNotNull(generation);

        TieredCache<String, String> generations = cache("generations");
        generations.put("gen-later", "x");
        generations.put("k", "g");
        TieredCache<String, String> later = cache("gen-later");
        later.put("k", "l");
        Set<String> keys = new HashSet<>();
        generations.forEach(entry -> keys.add(entry.getKey()));
        assertEquals(Set.of("gen-later", "k"), keys);

        generations.removeAll();
        assertEquals(generation, generationOf("gen-other"));
        assertNotNull(generationOf("gen-later"));
        assertNull(generations.get("k"));
        l1("gen-other").delete("k");
        assertEquals("v", other.get("k"), "from Redis, of the same generation");
        assertEquals("l", later.get("k"));
    }

    /** The names of the caches of this manager that have a statistics MBean. */
    private static Set<String> statisticsMBeans() throws MalformedObjectNameException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return server.queryNames(new ObjectName("javax.cache:type=CacheStatistics,*"), null).stream()
                .filter(name -> name.getKeyProperty("CacheManager").contains("name-collisions"))
                .map(name -> name.getKeyProperty("Cache"))
                .map(cache -> cache.startsWith("\"") ? ObjectName.unquote(cache) : cache)
                .collect(Collectors.toSet());
    }

    @Test
    void namesThatDifferOnlyInPunctuationHaveMBeansOfTheirOwn() throws MalformedObjectNameException {
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class).setStatisticsEnabled(true).setManagementEnabled(true);
        Cache<String, String> colon = manager.createCache("jmx:a", configuration);
        manager.createCache("jmx.a", configuration);
        manager.createCache("jmx*a,b=\"c\"\n", configuration);
        manager.createCache("com.example.Dao.find(java.lang.String,int)", configuration);
        assertEquals(Set.of("jmx:a", "jmx.a", "jmx*a,b=\"c\"\n", "com.example.Dao.find(java.lang.String,int)"),
                statisticsMBeans());

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        assertTrue(server.isRegistered(new ObjectName(
                "javax.cache:type=CacheStatistics,CacheManager=tiercache-test.name-collisions,Cache=jmx.a")),
                "a name without special characters is used as is");
        colon.close();
        assertEquals(Set.of("jmx.a", "jmx*a,b=\"c\"\n", "com.example.Dao.find(java.lang.String,int)"),
                statisticsMBeans());
        assertTrue(server.isRegistered(new ObjectName(
                "javax.cache:type=CacheConfiguration,CacheManager=tiercache-test.name-collisions,Cache=jmx.a")));
        StreamSupport.stream(manager.getCacheNames().spliterator(), false).filter(name -> name.startsWith("jmx")
                || name.startsWith("com.")).forEach(manager::destroyCache);
        assertEquals(Set.of(), statisticsMBeans());
    }
}
