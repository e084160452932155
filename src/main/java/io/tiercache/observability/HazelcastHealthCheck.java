package io.tiercache.observability;

import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.TieredCacheManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the cache engine's Hazelcast instance (the L1 layer): {@code UP} while it runs, with its cluster's
 * member count; {@code DOWN} when the cache manager could not start or Hazelcast has shut down.
 */
@Readiness
@ApplicationScoped
public class HazelcastHealthCheck implements HealthCheck {

    static final String NAME = "hazelcast";

    private final CacheInventory inventory;

    @Inject
    public HazelcastHealthCheck(CacheInventory inventory) {
        this.inventory = inventory;
    }

    /** For CDI proxies only. */
    protected HazelcastHealthCheck() {
        this.inventory = null;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        TieredCacheManager manager = inventory.manager().orElse(null);
        if (manager == null || manager.isClosed()) {
            return response.down().withData("reason", "the cache manager is not available").build();
        }
        HazelcastInstance hazelcast = manager.unwrap(HazelcastInstance.class);
        if (!hazelcast.getLifecycleService().isRunning()) {
            return response.down().withData("instance", hazelcast.getName())
                    .withData("reason", "Hazelcast is not running").build();
        }
        return response.up().withData("instance", hazelcast.getName())
                .withData("cluster", hazelcast.getConfig().getClusterName())
                .withData("members", hazelcast.getCluster().getMembers().size())
                .build();
    }
}
