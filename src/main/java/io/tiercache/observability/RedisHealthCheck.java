package io.tiercache.observability;

import io.tiercache.cache.TieredCacheManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of Redis, the L2 layer. Always {@code UP}: without Redis the service still answers from L1 and the
 * database, so a Redis outage is reported as {@code status: DOWN} and {@code degraded: true} in the data, never as
 * not ready. The data also carries the engine's circuit breaker ({@code closed} while it lets calls through,
 * {@code open} while it skips Redis).
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    static final String NAME = "redis";

    private final RedisProbe probe;
    private final CacheInventory inventory;

    @Inject
    public RedisHealthCheck(RedisProbe probe, CacheInventory inventory) {
        this.probe = probe;
        this.inventory = inventory;
    }

    /** For CDI proxies only. */
    protected RedisHealthCheck() {
        this.probe = null;
        this.inventory = null;
    }

    @Override
    public HealthCheckResponse call() {
        RedisProbe.Result result = probe.probe();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("status", result.up() ? "UP" : "DOWN")
                .withData("degraded", !result.up());
        inventory.manager().ifPresent(manager -> response.withData("circuitBreaker", breaker(manager)));
        if (result.up()) {
            response.withData("latencyMicros", result.nanos() / 1_000);
        } else {
            response.withData("reason", result.failure());
        }
        return response.build();
    }

    static String breaker(TieredCacheManager manager) {
        return manager.redisAvailable() ? "closed" : "open";
    }
}
