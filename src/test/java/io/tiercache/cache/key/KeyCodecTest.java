package io.tiercache.cache.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class KeyCodecTest {

    private static boolean matches(String glob, String text) {
        return Pattern.matches(KeyCodec.globToRegex(glob), text);
    }

    @Test
    void globsMatchLikeRedisMatch() {
        assertTrue(matches("strategies:list:*", "strategies:list:page=1&size=20"));
        assertFalse(matches("strategies:list:*", "strategies:detail:1"));
        assertTrue(matches("k?", "k1"));
        assertFalse(matches("k?", "k12"));
        assertTrue(matches("k[12]", "k2"));
        assertFalse(matches("k[^12]", "k2"));
        assertTrue(matches("k[a-c]", "kb"));
        assertTrue(matches("a.b(c)+$", "a.b(c)+$"), "regex metacharacters are literals");
        assertFalse(matches("a.b", "axb"));
        assertTrue(matches("lit\\*", "lit*"));
        assertFalse(matches("lit\\*", "literal"));
    }

    @Test
    void keyTextsAreStable() {
        assertEquals("42", KeyCodec.text(42L));
        assertEquals("42", KeyCodec.text(42));
        assertEquals("1.50", KeyCodec.text(new BigDecimal("1.50")));
        KeyCodec codec = new KeyCodec("a*b");
        assertEquals("tiercache:a*b:k", codec.redisKey("k"));
        assertEquals("tiercache:a\\*b:k*", codec.redisPattern("k*"));
        assertEquals("k", codec.textOf("tiercache:a*b:k"));
        assertThrows(IllegalArgumentException.class, () -> KeyCodec.text(3.5d));
    }
}
