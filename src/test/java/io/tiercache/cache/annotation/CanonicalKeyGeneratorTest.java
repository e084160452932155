package io.tiercache.cache.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.cache.StableKey;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.GeneratedCacheKey;
import org.junit.jupiter.api.Test;

/** The default key generator writes the documented canonical text, identical in every JVM. */
class CanonicalKeyGeneratorTest {

    enum Period { DAILY, MONTHLY }

    record Page(int number, int size, String filter) {
    }

    record StrategyId(long value) implements StableKey {
        @Override
        public String stableKey() {
            return "strategy-" + value;
        }
    }

    static final class Methods {
        @CacheResult
        Object list(int page, int size, String filter) {
            return null;
        }

        @CacheResult
        Object none() {
            return null;
        }

        @CacheResult
        Object one(Object value) {
            return null;
        }

        @CacheResult
        Object keyed(@CacheKey long id, Period period, @CacheKey String name) {
            return null;
        }
    }

    private static String key(String method, Object... arguments) {
        Method javaMethod = Arrays.stream(Methods.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(method)).findFirst().orElseThrow();
        var context = new KeyInvocationContext(AnnotatedCacheMethod.of(javaMethod), new Methods(), arguments);
        GeneratedCacheKey key = new CanonicalKeyGenerator().generateCacheKey(context);
        return ((CanonicalCacheKey) key).stableKey();
    }

    @Test
    void joinsParametersInDeclarationOrder() {
        assertEquals("0,20,\"momentum\"", key("list", 0, 20, "momentum"));
        assertEquals("", key("none"));
        assertEquals("1,null,null", key("list", 1, null, null));
    }

    @Test
    void usesOnlyCacheKeyParametersWhenAnyIsAnnotated() {
        assertEquals("7,\"x\"", key("keyed", 7L, Period.DAILY, "x"));
    }

    @Test
    void writesScalarsCanonically() {
        assertEquals("\"a \\\"q\\\" \\\\ \\n\\t\\u0001 é\"", key("one", "a \"q\" \\ \n\t\u0001 é"));
        assertEquals("\"c\"", key("one", 'c'));
        assertEquals("true", key("one", true));
        assertEquals("-42", key("one", -42));
        assertEquals("9223372036854775807", key("one", Long.MAX_VALUE));
        assertEquals("123456789012345678901234567890", key("one", new BigInteger("123456789012345678901234567890")));
        assertEquals("2.5", key("one", 2.5d));
        assertEquals("100", key("one", 100.0d));
        assertEquals("0.1000000000000000055511151231257827021181583404541015625", key("one", 0.1d));
        assertEquals("0.100000001490116119384765625", key("one", 0.1f));
        assertEquals("0", key("one", -0.0d));
        assertEquals("NaN", key("one", Double.NaN));
        assertEquals("-Infinity", key("one", Double.NEGATIVE_INFINITY));
        assertEquals("1.5", key("one", new BigDecimal("1.500")));
        assertEquals("1000", key("one", new BigDecimal("1E+3")));
        assertEquals("MONTHLY", key("one", Period.MONTHLY));
        assertEquals("123e4567-e89b-12d3-a456-426614174000",
                key("one", UUID.fromString("123E4567-E89B-12D3-A456-426614174000")));
        assertEquals("\"strategy-7\"", key("one", new StrategyId(7)));
    }

    @Test
    void writesTimeAsIso8601() {
        assertEquals("2024-01-31", key("one", LocalDate.of(2024, 1, 31)));
        assertEquals("2024-01-31T10:15:30Z", key("one", Instant.parse("2024-01-31T10:15:30Z")));
        assertEquals("2024-01-31T10:15:30+02:00",
                key("one", OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.ofHours(2))));
        assertEquals("PT15M", key("one", Duration.ofMinutes(15)));
    }

    @Test
    void writesContainersAndRecordsStructurally() {
        assertEquals("[1,2,3]", key("one", List.of(1, 2, 3)));
        assertEquals("[\"a\",null]", key("one", (Object) new String[] {"a", null}));
        assertEquals("[3,1]", key("one", new int[] {3, 1}));
        assertEquals("[\"a\",\"b\"]", key("one", new LinkedHashSet<>(List.of("b", "a"))));
        assertEquals("Page(number=0,size=20,filter=\"trend\")", key("one", new Page(0, 20, "trend")));
        assertEquals("[Page(number=1,size=5,filter=null)]", key("one", List.of(new Page(1, 5, null))));
    }

    @Test
    void equalParametersGiveEqualKeys() {
        var context = new KeyInvocationContext(AnnotatedCacheMethod.of(Arrays.stream(
                Methods.class.getDeclaredMethods()).filter(m -> m.getName().equals("list")).findFirst()
                .orElseThrow()), new Methods(), new Object[] {0, 20, "x"});
        GeneratedCacheKey first = new CanonicalKeyGenerator().generateCacheKey(context);
        GeneratedCacheKey second = new CanonicalKeyGenerator().generateCacheKey(context);
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
        assertEquals(new CanonicalCacheKey("0,20,\"x\""), first);
        assertNotEquals(new CanonicalCacheKey("0,20,x"), first);
    }

    @Test
    void rejectsValuesWithoutCanonicalFormNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> key("one", Map.of("a", 1)));
        assertTrue(e.getMessage().startsWith("Cannot build a cache key from parameter 'value' of "
                + Methods.class.getName() + ".one(java.lang.Object)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> key("one", new Object()));
        assertThrows(IllegalArgumentException.class, () -> key("one", List.of(new StringBuilder(), new Object())));
    }
}
