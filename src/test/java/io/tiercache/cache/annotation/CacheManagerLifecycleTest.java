package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import io.tiercache.cache.EngineFixture;
import io.tiercache.observability.CacheInventory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.annotation.CacheResult;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * The cache manager that {@link CacheManagerSource} opens is closed when the application stops, so an undeployed
 * WAR leaves no Hazelcast member or Redis client behind, and nothing called late starts another one.
 */
class CacheManagerLifecycleTest {

    @ApplicationScoped
    static class Quotes {
        private final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "lifecycle")
        String quote(String symbol) {
            return symbol + "#" + calls.incrementAndGet();
        }
    }

    /**
     * The late callers of an application being undeployed: destroyed after the source, when it asks the source, the
     * inventory that the health checks and gauges read, and a cached bean for the cache engine (the proxies still lead
     * to the instances being destroyed, as for a metrics refresh or a warm-up running during undeploy). CDI leaves the
     * order of destruction unspecified, so this bean first runs the source's own {@code @PreDestroy} (which is
     * idempotent) to be sure it comes after it.
     */
    @ApplicationScoped
    static class LateCaller {
        static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

        @Inject
        CacheManagerSource source;
        @Inject
        CacheInventory inventory;
        @Inject
        Quotes quotes;

        private CacheManager opened;

        void use() {
            opened = source.cacheManager();
            inventory.manager().orElseThrow();
        }

        @PreDestroy
        void callLate() {
            source.close();
            SEEN.put("source closed first", opened.isClosed());
            SEEN.put("source", outcome(() -> SEEN.put("reopened", source.cacheManager())));
            SEEN.put("inventory", inventory.manager().isPresent());
            SEEN.put("caches", inventory.caches().size());
            SEEN.put("cached bean", outcome(() -> quotes.quote("EUR")));
        }

        private static String outcome(Runnable call) {
            try {
                call.run();
                return "answered";
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
    }

    private static final String[] PROPERTIES = {"tiercache.hazelcast.cluster-name", "tiercache.hazelcast.port",
        "tiercache.redis.address"};

    private RedisServer redis;

    @BeforeEach
    void configure() {
        int redisPort = EngineFixture.freePort();
        redis = EngineFixture.startRedis(redisPort);
        System.setProperty(PROPERTIES[0], "lifecycle-" + UUID.randomUUID());
        System.setProperty(PROPERTIES[1], Integer.toString(EngineFixture.freePort()));
        System.setProperty(PROPERTIES[2], "redis://127.0.0.1:" + redisPort);
    }

    @AfterEach
    void restore() {
        for (String property : PROPERTIES) {
            System.clearProperty(property);
        }
        EngineFixture.stop(redis);
    }

    @Test
    void stoppingTheApplicationClosesTheCacheManagerItOpened() {
        WeldContainer container = new Weld()
                .disableDiscovery()
                .containerId(null)
                .addBeanClasses(CacheManagerSource.class)
                .initialize();
        CacheManager manager = container.select(CacheManagerSource.class).get().cacheManager();
        assertFalse(manager.isClosed());

        container.close();

        assertTrue(manager.isClosed());
    }

    /** The annotations keep the cache they resolved only while it is open: destroyed, it is created anew. */
    @Test
    void aDestroyedCacheIsResolvedAgain() {
        WeldContainer container = new Weld()
                .disableDiscovery()
                .containerId(null)
                .addExtension(new CacheAnnotationsExtension())
                .addBeanClasses(CacheResultInterceptor.class, DefaultCacheResolverFactory.class,
                        CacheManagerSource.class, Quotes.class)
                .initialize();
        try {
            Quotes quotes = container.select(Quotes.class).get();
            CacheManager manager = container.select(CacheManagerSource.class).get().cacheManager();
            assertEquals("EUR#1", quotes.quote("EUR"));
            assertEquals("EUR#1", quotes.quote("EUR"));
            Cache<Object, Object> first = manager.getCache("lifecycle");

            manager.destroyCache("lifecycle");

            assertTrue(first.isClosed());
            assertEquals("EUR#2", quotes.quote("EUR"), "a new, empty cache");
            assertEquals("EUR#2", quotes.quote("EUR"), "and it caches");
            assertFalse(manager.getCache("lifecycle").isClosed());
        } finally {
            container.close();
        }
    }

    @Test
    void nothingCalledAfterTheApplicationStoppedStartsTheEngineAgain() {
        LateCaller.SEEN.clear();
        int running = Hazelcast.getAllHazelcastInstances().size();
        WeldContainer container = new Weld()
                .disableDiscovery()
                .containerId(null)
                .addExtension(new CacheAnnotationsExtension())
                .addBeanClasses(CacheResultInterceptor.class, DefaultCacheResolverFactory.class,
                        CacheManagerSource.class, Quotes.class, CacheInventory.class, LateCaller.class)
                .initialize();
        Quotes quotes = container.select(Quotes.class).get();
        assertEquals("EUR#1", quotes.quote("EUR"));
        assertEquals("EUR#1", quotes.quote("EUR"));
        container.select(LateCaller.class).get().use();
        assertEquals(running + 1, Hazelcast.getAllHazelcastInstances().size());

        try {
            container.close();

            Map<String, Object> seen = Map.copyOf(LateCaller.SEEN);
            assertEquals(true, seen.get("source closed first"), "the late calls came after the source closed");
            assertEquals(running, Hazelcast.getAllHazelcastInstances().size(),
                    "no Hazelcast member runs after the application stopped: " + seen);
            assertTrue(seen.get("source").toString().startsWith("IllegalStateException: The application has stopped"),
                    "the source refuses: " + seen);
            assertEquals(false, seen.get("inventory"), "no cache manager for the health checks and gauges: " + seen);
            assertEquals(0, seen.get("caches"));
            assertTrue(seen.get("cached bean").toString().startsWith("IllegalStateException"),
                    "the cached method fails rather than starting the engine: " + seen);
        } finally {
            if (LateCaller.SEEN.get("reopened") instanceof CacheManager reopened) {
                reopened.close();
            }
        }
    }
}
