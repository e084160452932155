package io.tiercache.cache.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class KeyCodecTest {

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
