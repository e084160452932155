package io.tiercache.cache.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tiercache.cache.l2.Generation;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

    @Test
    void keyTextsAreStable() {
        assertEquals("~java.lang.Long:42", KeyCodec.text(42L));
        assertEquals("~java.lang.Integer:42", KeyCodec.text(42));
        assertEquals("~java.math.BigDecimal:1.50", KeyCodec.text(new BigDecimal("1.50")));
        assertEquals("42", KeyCodec.text("42"));
        assertEquals("~~x", KeyCodec.text("~x"));
        assertEquals(KeyCodec.text(new java.util.Date(7)), KeyCodec.text(new java.util.Date(7)));
        assertNotEquals(KeyCodec.text(new java.util.Date(7)), KeyCodec.text(new java.util.Date(8)));
        KeyCodec codec = new KeyCodec("a*b");
        assertEquals("tiercache:a*b:k", codec.redisKey("k"));
        assertEquals("tiercache:a\\*b:k*", codec.redisPattern("k*"));
        assertEquals("k", codec.textOf("tiercache:a*b:k"));
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.text(new Object()));
    }

    @Test
    void cacheNamesNeverShareRedisKeys() {
        assertEquals("tiercache:strategies:1", new KeyCodec("strategies").redisKey("1"));
        assertEquals("tiercache:a:b:c", new KeyCodec("a").redisKey("b:c"));
        assertEquals("tiercache:a%3Ab:c", new KeyCodec("a:b").redisKey("c"));
        assertEquals("tiercache:a%253Ab:c", new KeyCodec("a%3Ab").redisKey("c"));
        assertEquals("c", new KeyCodec("a:b").textOf("tiercache:a%3Ab:c"));
        assertEquals("tiercache:a\\[%3A\\]:*", new KeyCodec("a[:]").redisPattern("*"));
        assertEquals("tiercache-meta:a%3Ab:generation", Generation.metaKey("a:b"));
        assertEquals("tiercache-meta:plain:generation", Generation.metaKey("plain"));
    }
}
