package io.tiercache.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.it.annotations.CountingService;
import io.tiercache.it.annotations.ProbeServlet;
import io.tiercache.it.support.TestEngine;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The cache annotations on the packaged WAR in Payara Micro: only our interceptor is bound to
 * {@code @CacheResult} (Payara's own is vetoed), the method runs once per key, the entry lands in Redis under its
 * readable key, and once the tiered cache is emptied the method runs again (no second cache of Payara's answers).
 */
@ExtendWith({TestEngine.class, ArquillianExtension.class})
class CacheAnnotationsIT {

    @ArquillianResource
    private URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEngine.war().addClasses(CountingService.class, ProbeServlet.class);
    }

    @Test
    void oursIsTheOnlyCacheInterceptorAndRunsOncePerKey() throws Exception {
        assertEquals("io.tiercache.cache.annotation.CacheResultInterceptor", get("interceptors"));

        String first = get("compute?id=7");
        assertEquals(first, get("compute?id=7"));
        assertEquals("1", get("calls"));
        assertTrue(redisHas("tiercache:" + CountingService.CACHE + ":7"));

        assertEquals("cleared", get("clear"));
        String recomputed = get("compute?id=7");
        assertNotEquals(first, recomputed);
        assertEquals("2", get("calls"));
        assertEquals(recomputed, get("compute?id=7"));
    }

    private String get(String path) throws IOException, InterruptedException {
        URI base = URI.create(deploymentUrl.toString());
        String root = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        URI uri = URI.create("http://127.0.0.1:" + base.getPort() + root + "annotations-probe/" + path);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return response.body();
    }

    private static boolean redisHas(String key) {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + TestEngine.redisPort());
        RedissonClient client = Redisson.create(config);
        try {
            return client.getKeys().countExists(key) == 1;
        } finally {
            client.shutdown();
        }
    }
}
