package io.tiercache.cache.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowlistCodecTest {

    record Point(String name, LocalDate day, BigDecimal value, List<Integer> series) implements java.io.Serializable {
    }

    private final AllowlistCodec codec = new AllowlistCodec(
            "io.tiercache.cache.codec.AllowlistCodecTest$Point;java.lang.*;java.util.*;java.time.*;java.math.*",
            "maxdepth=20;maxarray=100000", getClass().getClassLoader());

    @Test
    void roundTripsAllowedRecordsAndCollections() {
        Point point = new Point("p", LocalDate.of(2024, 1, 2), new BigDecimal("1.25"), List.of(1, 2, 3));
        assertEquals(point, codec.decode(codec.encode(point), 0));
        Map<String, List<Point>> map = Map.of("k", List.of(point));
        assertEquals(map, codec.decode(codec.encode(map), 0));
    }

    @Test
    void rejectsAClassOutsideTheAllowlistWithoutRunningAnyOfItsCode() {
        byte[] planted = Gadgets.serializedGadget();
        RejectedValueException e = assertThrows(RejectedValueException.class, () -> codec.decode(planted, 0));
        assertTrue(e.getMessage().contains("allowlist"), e.getMessage());
        assertFalse(Gadgets.gadgetCodeRan(), "neither the static initializer nor readObject of the gadget ran");
    }

    @Test
    void rejectsOversizedArrays() {
        byte[] big = codec.encode(new int[200_000]);
        assertThrows(RejectedValueException.class, () -> codec.decode(big, 0));
    }

    @Test
    void verdictsOnClassesAreKeptAndLimitsCheckedOnEveryRead() {
        byte[] uri = codec.encode(URI.create("urn:x"));
        byte[] uris = codec.encode(new URI[] {URI.create("urn:x")});
        for (int read = 0; read < 2; read++) {
            assertThrows(RejectedValueException.class, () -> codec.decode(uri, 0), "a class outside the allowlist");
            assertThrows(RejectedValueException.class, () -> codec.decode(uris, 0), "an array of one");
            assertEquals(3, ((long[]) codec.decode(codec.encode(new long[3]), 0)).length);
            assertThrows(RejectedValueException.class, () -> codec.decode(codec.encode(new long[100_001]), 0));
            assertThrows(RejectedValueException.class, () -> codec.decode(codec.encode(nested(25)), 0), "depth");
            assertEquals(nested(5), codec.decode(codec.encode(nested(5)), 0));
        }
    }

    /** A list holding a list ... {@code depth} deep. */
    private static List<Object> nested(int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(list);
            list = outer;
        }
        return list;
    }

    @Test
    void refusesFilterSyntaxInTheAllowlist() {
        assertThrows(IllegalArgumentException.class,
                () -> new AllowlistCodec("!java.lang.*", "maxdepth=2", getClass().getClassLoader()));
    }
}
