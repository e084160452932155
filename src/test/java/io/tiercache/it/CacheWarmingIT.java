package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tiercache.it.support.TestEngine;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.config.Config;

/**
 * Cache warming on the packaged WAR in Payara Micro: with no request made, the configured hot reads (the first
 * strategy page and the views and equity curves of the 3 most recent backtests) land in Redis. Warming repeats
 * every second here, so a warm-up that the demo data's own invalidations overtook is made good by the next one.
 * The first warm-up comes after the default initial delay (10 s).
 */
@ExtendWith({TestEngine.class, ArquillianExtension.class})
class CacheWarmingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEngine.war("tiercache.warm.enabled=true", "tiercache.warm.interval=PT1S",
                "tiercache.warm.strategy-pages=0:20", "tiercache.warm.recent-backtests=3");
    }

    @Test
    void theHotReadsAreCachedWithoutARequest() throws InterruptedException {
        Map<String, Long> expected = Map.of("strategy-lists", 1L, "backtests", 3L, "equity", 3L);
        Map<String, Long> found = Map.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!found.equals(expected) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
            found = cachedKeys(expected);
        }
        assertEquals(expected, found, "views in Redis per cache");
    }

    private static Map<String, Long> cachedKeys(Map<String, Long> caches) {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + TestEngine.redisPort());
        RedissonClient client = Redisson.create(config);
        try {
            return caches.keySet().stream().collect(Collectors.toMap(cache -> cache,
                    cache -> StreamSupport.stream(client.getKeys()
                            .getKeys(KeysScanOptions.defaults().pattern("tiercache:" + cache + ":*"))
                            .spliterator(), false).count()));
        } finally {
            client.shutdown();
        }
    }
}
