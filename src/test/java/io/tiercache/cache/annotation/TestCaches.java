package io.tiercache.cache.annotation;

import java.net.URI;
import java.util.UUID;

import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** The cache manager of the tests, shared by all test classes of the JVM. */
final class TestCaches {

    private static CacheManager manager;

    private TestCaches() {
    }

    static synchronized CacheManager cacheManager() {
        if (manager == null) {
            Config config = new Config().setClusterName("annotations-" + UUID.randomUUID());
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.getNetworkConfig().setPort(15701).setPortAutoIncrement(true)
                    .getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            JoinConfig join = config.getNetworkConfig().getJoin();
            join.getMulticastConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(false);
            join.getAutoDetectionConfig().setEnabled(false);
            HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
            manager = Caching.getCachingProvider("com.hazelcast.cache.HazelcastMemberCachingProvider")
                    .getCacheManager(URI.create("annotations"), TestCaches.class.getClassLoader(),
                            HazelcastCachingProvider.propertiesByInstanceItself(member));
        }
        return manager;
    }

    static Cache<Object, Object> cache(String name) {
        return cacheManager().getCache(name);
    }
}
