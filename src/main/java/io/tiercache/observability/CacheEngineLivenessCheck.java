package io.tiercache.observability;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.TieredCacheManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the cache engine: {@code UP} while its cache manager is open and its Hazelcast instance runs. A
 * Redis or database outage does not make the service dead (it is reported by readiness); a cache engine that
 * could not start or has stopped does, since only a restart brings it back.
 */
@Liveness
@ApplicationScoped
public class CacheEngineLivenessCheck implements HealthCheck {

    static final String NAME = "cache-engine";

    private final CacheInventory inventory;

    @Inject
    public CacheEngineLivenessCheck(CacheInventory inventory) {
        this.inventory = inventory;
    }

    /** For CDI proxies only. */
    protected CacheEngineLivenessCheck() {
        this.inventory = null;
    }

    @Override
    public HealthCheckResponse call() {
        TieredCacheManager manager = inventory.manager().orElse(null);
        boolean alive = manager != null && !manager.isClosed()
                && manager.unwrap(HazelcastInstance.class).getLifecycleService().isRunning();
        return HealthCheckResponse.named(NAME).status(alive)
                .withData("caches", alive ? inventory.caches().size() : 0)
                .build();
    }
}
