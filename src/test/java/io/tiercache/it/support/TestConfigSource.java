package io.tiercache.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The settings of a test deployment ({@value #RESOURCE}, written by {@link TestEngine}: its Redis, its own
 * Hazelcast port and cluster, and whatever the test adds), above every other configuration source.
 */
public class TestConfigSource implements ConfigSource {

    public static final String RESOURCE = "tiercache-it.properties";

    private final Map<String, String> properties = new HashMap<>();

    public TestConfigSource() {
        try (InputStream in = TestConfigSource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties loaded = new Properties();
                loaded.load(in);
                loaded.stringPropertyNames().forEach(name -> properties.put(name, loaded.getProperty(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return RESOURCE;
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
