package io.tiercache.cache.l1;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.XmlClientConfigBuilder;
import com.hazelcast.client.config.YamlClientConfigBuilder;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.tiercache.cache.config.EngineSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the Hazelcast instance a cache manager owns: an embedded member (TCP-IP join on the configured members,
 * bound to the configured interface or to every interface, advertising the public address, multicast and
 * auto-detection off) or a client of an external cluster.
 *
 * <p>Java serialization inside Hazelcast is filtered with the same allowlist as values read from Redis (translated to
 * Hazelcast's {@link JavaSerializationFilterConfig}: {@code pkg.**} becomes a prefix, {@code pkg.*} a package), plus
 * Hazelcast's own classes, array descriptors and the engine's entry, task, entry-processor and entry-event classes,
 * which only cluster members send, and nothing else: Hazelcast's defaults (every class under {@code java}, {@code
 * javax} and {@code com.hazelcast}) are disabled.
 */
public final class HazelcastFactory {

    /**
     * Failure detection and split-brain healing for a cache, unless the configuration says otherwise: a member that
     * sends no heartbeat for 10 s (one a second) is dropped, so no operation waits on a hung member for Hazelcast's
     * default of 60 s; a member that comes back after being dropped is merged back within seconds, not minutes
     * (its L1 entries are discarded, see {@code L1Tier}).
     */
    private static final Map<String, String> FAILURE_DETECTION = Map.of(
            "hazelcast.heartbeat.interval.seconds", "1",
            "hazelcast.max.no.heartbeat.seconds", "10",
            "hazelcast.merge.first.run.delay.seconds", "5",
            "hazelcast.merge.next.run.delay.seconds", "5");

    private HazelcastFactory() {
    }

    public static HazelcastInstance start(EngineSettings settings, List<String> allowPatterns,
                                          ClassLoader classLoader) {
        String instanceName = settings.instanceName().orElse("tiercache-" + UUID.randomUUID());
        JavaSerializationFilterConfig filter = filterConfig(allowPatterns);
        if (settings.clientMode()) {
            ClientConfig config = settings.hazelcastConfigFile().map(HazelcastFactory::clientConfigFrom)
                    .orElseGet(() -> clientConfig(settings));
            config.setInstanceName(instanceName);
            config.setClassLoader(classLoader);
            config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
            settings.hazelcastProperties().forEach(config::setProperty);
            return HazelcastClient.newHazelcastClient(config);
        }
        Config config = settings.hazelcastConfigFile().map(HazelcastFactory::memberConfigFrom)
                .orElseGet(() -> memberConfig(settings));
        config.setInstanceName(instanceName);
        config.setClassLoader(classLoader);
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        config.setProperty("hazelcast.partition.count", Integer.toString(settings.partitionCount()));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        FAILURE_DETECTION.forEach((name, value) -> {
            if (config.getProperty(name) == null) {
                config.setProperty(name, value);
            }
        });
        settings.hazelcastProperties().forEach(config::setProperty);
        return Hazelcast.newHazelcastInstance(config);
    }

    static JavaSerializationFilterConfig filterConfig(List<String> allowPatterns) {
        // "[": array descriptors (e.g. BigInteger's byte[]); each element's class is checked on its own
        ClassFilter whitelist = new ClassFilter().addPrefixes("com.hazelcast.", "io.tiercache.cache.l1.",
                "io.tiercache.cache.l2.", "io.tiercache.cache.cluster.", "io.tiercache.cache.event.", "[");
        for (String pattern : allowPatterns) {
            if (pattern.endsWith(".**")) {
                whitelist.addPrefixes(pattern.substring(0, pattern.length() - 2));
            } else if (pattern.endsWith(".*")) {
                whitelist.addPackages(pattern.substring(0, pattern.length() - 2));
            } else {
                whitelist.addClasses(pattern);
            }
        }
        return new JavaSerializationFilterConfig().setDefaultsDisabled(true).setWhitelist(whitelist);
    }

    /**
     * The member configuration from the engine's network settings: bound to the configured interface (or to every
     * interface), advertising the public address (or, without one, the address Hazelcast picks).
     */
    static Config memberConfig(EngineSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setProperty("hazelcast.socket.bind.any", Boolean.toString(settings.bindsAnyInterface()));
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(settings.portAutoIncrement());
        settings.publicAddress().ifPresent(network::setPublicAddress);
        if (!settings.bindsAnyInterface()) {
            network.getInterfaces().setEnabled(true).addInterface(settings.bindInterface());
        }
        JoinConfig join = network.getJoin();
        join.getAutoDetectionConfig().setEnabled(false);
        join.getMulticastConfig().setEnabled(settings.multicast());
        join.getTcpIpConfig().setEnabled(!settings.multicast()).setMembers(settings.members());
        return config;
    }

    private static ClientConfig clientConfig(EngineSettings settings) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(settings.clusterName());
        config.getNetworkConfig().setAddresses(settings.members());
        return config;
    }

    private static Config memberConfigFrom(String file) {
        try {
            return Config.loadFromFile(new File(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Hazelcast configuration " + file, e);
        }
    }

    private static ClientConfig clientConfigFrom(String file) {
        try {
            File source = new File(file);
            return file.endsWith(".yaml") || file.endsWith(".yml")
                    ? new YamlClientConfigBuilder(source).build()
                    : new XmlClientConfigBuilder(source).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Hazelcast client configuration " + file, e);
        }
    }
}
