package io.tiercache.cache.key;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Predicate;
import io.tiercache.cache.StableKey;

/**
 * Turns cache keys into their stable text and builds the Redis key names and glob patterns of one cache:
 * {@code tiercache:<cache>:<key text>}, the cache name in its {@linkplain #redisName Redis form}.
 * Supported keys: {@link String} (as is), {@link Byte}, {@link Short}, {@link Integer}, {@link Long},
 * {@link BigInteger} (decimal), {@link BigDecimal} (plain string) and serializable {@link StableKey}s. Keys of
 * different types with the same text are the same entry. Immutable and thread-safe.
 */
public final class KeyCodec {

    private static final String ROOT = "tiercache:";

    private final String prefix;
    private final String globPrefix;

    public KeyCodec(String cacheName) {
        String name = redisName(cacheName);
        this.prefix = ROOT + name + ":";
        this.globPrefix = ROOT + escapeGlob(name) + ":";
    }

    /**
     * Cache name {@code cacheName} as it appears in Redis keys: {@code %} as {@code %25} and {@code :} as {@code %3A},
     * so that it contains no {@code :} and different caches never share a key; a name with neither is unchanged.
     */
    public static String redisName(String cacheName) {
        return cacheName.replace("%", "%25").replace(":", "%3A");
    }

    /** The stable text of {@code key}; rejects key types that have none. */
    public static String text(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte
                || key instanceof BigInteger) {
            return key.toString();
        }
        if (key instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (key instanceof StableKey k) {
            if (!(key instanceof java.io.Serializable)) {
                throw new IllegalArgumentException("StableKey " + key.getClass().getName()
                        + " must also be java.io.Serializable (Hazelcast keeps the key with its entry)");
            }
            String text = k.stableKey();
            if (text == null) {
                throw new IllegalArgumentException("StableKey " + key.getClass().getName() + " returned null");
            }
            return text;
        }
        String type = key == null ? "null" : key.getClass().getName();
        throw new IllegalArgumentException("Unsupported cache key type " + type
                + ": use String, Byte, Short, Integer, Long, BigInteger, BigDecimal or implement "
                + StableKey.class.getName());
    }

    /** The Redis key of the entry whose key text is {@code text}. */
    public String redisKey(String text) {
        return prefix + text;
    }

    /** The key text of a Redis key of this cache. */
    public String textOf(String redisKey) {
        return redisKey.substring(prefix.length());
    }

    /** The Redis SCAN pattern of key-text glob {@code glob} in this cache. */
    public String redisPattern(String glob) {
        return globPrefix + glob;
    }

    /** Which key texts {@code SCAN MATCH redisPattern(glob)} selects: those whose Redis key it matches. */
    public Predicate<String> selects(String glob) {
        RedisGlob pattern = new RedisGlob(redisPattern(glob));
        return text -> pattern.matches(redisKey(text));
    }

    private static String escapeGlob(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
