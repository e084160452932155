package io.tiercache.cache.config;

import io.tiercache.cache.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the engine reads its properties: first the {@link Properties} handed to
 * {@code CachingProvider.getCacheManager(uri, classLoader, properties)}, then MicroProfile Config
 * ({@link ConfigProvider#getConfig(ClassLoader)}), or the system properties when no MicroProfile Config
 * implementation is present. Immutable and thread-safe.
 */
public final class SettingsSource {

    private final Properties overrides;
    private final Function<String, Optional<String>> fallback;
    private final Iterable<String> fallbackNames;

    private SettingsSource(Properties overrides, Function<String, Optional<String>> fallback,
                           Iterable<String> fallbackNames) {
        this.overrides = overrides;
        this.fallback = fallback;
        this.fallbackNames = fallbackNames;
    }

    /** A source over {@code overrides} (may be empty) and the MicroProfile Config of {@code classLoader}. */
    public static SettingsSource of(Properties overrides, ClassLoader classLoader) {
        Properties copy = new Properties();
        copy.putAll(overrides);
        try {
            Config config = ConfigProvider.getConfig(classLoader);
            return new SettingsSource(copy, name -> config.getOptionalValue(name, String.class),
                    config.getPropertyNames());
        } catch (LinkageError | IllegalStateException e) {
            Properties system = System.getProperties();
            return new SettingsSource(copy, name -> Optional.ofNullable(system.getProperty(name)),
                    system.stringPropertyNames());
        }
    }

    public Optional<String> get(String name) {
        String value = overrides.getProperty(name);
        if (value != null) {
            return Optional.of(value);
        }
        return fallback.apply(name).filter(v -> !v.isBlank());
    }

    public String string(String name, String defaultValue) {
        return get(name).orElse(defaultValue).trim();
    }

    public int integer(String name, int defaultValue) {
        return get(name).map(v -> parseInt(name, v)).orElse(defaultValue);
    }

    public boolean bool(String name, boolean defaultValue) {
        return get(name).map(v -> Boolean.parseBoolean(v.trim())).orElse(defaultValue);
    }

    public Duration duration(String name, Duration defaultValue) {
        return get(name).map(v -> Durations.parse(name, v)).orElse(defaultValue);
    }

    /** Every property whose name starts with {@code prefix}, keyed by the rest of its name. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : fallbackNames) {
            if (name.startsWith(prefix)) {
                get(name).ifPresent(v -> found.put(name.substring(prefix.length()), v));
            }
        }
        for (String name : overrides.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), overrides.getProperty(name));
            }
        }
        return found;
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Property " + name + ": '" + value + "' is not an integer", e);
        }
    }
}
