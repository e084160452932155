package io.tiercache.cache.key;

import io.tiercache.cache.StableKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns cache keys into their stable text and builds the Redis key names and glob patterns of one cache:
 * {@code tiercache:<cache>:<key text>}, the cache name in its {@linkplain #redisName Redis form}.
 *
 * <p>Key texts follow the key's {@code equals} (JSR-107 &sect;3.2: keys are compared by {@code equals}): two keys have
 * the same text exactly when they are equal. A {@link String} is its own text (a string that begins with
 * {@value #TAG} gets one more in front); a {@link StableKey} is its {@code stableKey()}, which its type promises to
 * make equal exactly for equal keys; any other key is {@value #TAG}, its class name, {@code :} and a form of its
 * value: the decimal or plain string of {@link Byte}, {@link Short}, {@link Integer}, {@link Long},
 * {@link BigInteger} and {@link BigDecimal} ({@code ~java.lang.Long:42}), else the Base64 of its Java serialization
 * (for value types whose equal instances serialize alike, as records, enums, dates and the JDK's value classes do).
 * So {@code "1"} and {@code 1L} are different entries. Immutable and thread-safe.
 */
public final class KeyCodec {

    /** The first character of the text of a key that is neither a {@link String} nor a {@link StableKey}. */
    public static final String TAG = "~";
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

    /** The stable text of {@code key}; rejects a key that is not serializable (Hazelcast keeps it with its entry). */
    public static String text(Object key) {
        if (key instanceof String s) {
            return s.startsWith(TAG) ? TAG + s : s;
        }
        if (!(key instanceof Serializable)) {
            String type = key == null ? "null" : key.getClass().getName();
            throw new IllegalArgumentException("Cache key type " + type + " is not java.io.Serializable");
        }
        if (key instanceof StableKey k) {
            String text = k.stableKey();
            if (text == null) {
                throw new IllegalArgumentException("StableKey " + key.getClass().getName() + " returned null");
            }
            return text;
        }
        String type = TAG + key.getClass().getName() + ":";
        if (key instanceof Long || key instanceof Integer || key instanceof Short || key instanceof Byte
                || key instanceof BigInteger) {
            return type + key;
        }
        if (key instanceof BigDecimal d) {
            return type + d.toPlainString();
        }
        return type + Base64.getUrlEncoder().withoutPadding().encodeToString(serialized(key));
    }

    /**
     * The key whose stable text is {@code text}, as far as the text tells: the {@link String} of an untyped text
     * (which may as well be the text of a {@link StableKey}: only the cache's key type tells them apart), the number of
     * a numeric text, else what {@code deserialize} makes of the Java serialization of the key.
     *
     * @throws IllegalArgumentException when the text is not one {@link #text} makes
     */
    public static Object keyOf(String text, Function<byte[], Object> deserialize) {
        if (!text.startsWith(TAG) || text.startsWith(TAG + TAG)) {
            return text.startsWith(TAG) ? text.substring(TAG.length()) : text;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a key text: " + text);
        }
        String type = text.substring(TAG.length(), colon);
        String form = text.substring(colon + 1);
        return switch (type) {
            case "java.lang.Long" -> Long.valueOf(form);
            case "java.lang.Integer" -> Integer.valueOf(form);
            case "java.lang.Short" -> Short.valueOf(form);
            case "java.lang.Byte" -> Byte.valueOf(form);
            case "java.math.BigInteger" -> new BigInteger(form);
            case "java.math.BigDecimal" -> new BigDecimal(form);
            default -> deserialize.apply(Base64.getUrlDecoder().decode(form));
        };
    }

    private static byte[] serialized(Object key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(key);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cache key of type " + key.getClass().getName()
                    + " cannot be serialized: " + e, e);
        }
        return bytes.toByteArray();
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
