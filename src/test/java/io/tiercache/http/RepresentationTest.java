package io.tiercache.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tiercache.cache.codec.AllowlistCodec;
import io.tiercache.cache.config.EngineSettings;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepresentationTest {

    public record Item(String name, int count) {
    }

    public record Tagged(long id, Instant changed) implements Validated {

        @Override
        public String entityTag() {
            return "t" + id;
        }

        @Override
        public Instant lastModified() {
            return changed;
        }
    }

    private static String body(Representation representation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        representation.writeTo(out);
        assertEquals(out.size(), representation.length());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aValidatedViewKeepsItsOwnValidators() throws IOException {
        Instant changed = Instant.parse("2026-01-02T03:04:05.678Z");
        Representation representation = Representation.json(new Tagged(7, changed));
        assertEquals("{\"changed\":\"2026-01-02T03:04:05.678Z\",\"id\":7}", body(representation));
        assertEquals("t7", representation.entityTag());
        assertEquals(changed, representation.lastModified());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, representation.mediaType());
    }

    @Test
    void anyOtherViewIsTaggedByAHashOfItsBytes() throws IOException {
        Representation a = Representation.json(List.of(new Item("ä ✓", 1)));
        assertEquals("[{\"count\":1,\"name\":\"ä ✓\"}]", body(a));
        assertEquals(Representation.hash("[{\"count\":1,\"name\":\"ä ✓\"}]".getBytes(StandardCharsets.UTF_8)),
                a.entityTag());
        assertNull(a.lastModified());
        assertEquals(a, Representation.json(List.of(new Item("ä ✓", 1))));
        assertNotEquals(a.entityTag(), Representation.json(List.of(new Item("ä ✓", 2))).entityTag());
    }

    @Test
    void itPassesTheCacheCodecWithTheDefaultAllowlist() throws IOException {
        AllowlistCodec codec = new AllowlistCodec(EngineSettings.DEFAULT_ALLOW, "maxdepth=20;maxbytes=10000000",
                getClass().getClassLoader());
        Representation original = Representation.json(new Tagged(9, Instant.EPOCH));
        Representation decoded = (Representation) codec.decode(codec.encode(original), 0);
        assertEquals(original, decoded);
        assertArrayEquals(body(original).getBytes(StandardCharsets.UTF_8),
                body(decoded).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itsHeaderFieldsAreFormattedOnceAndAgainAfterDecoding() {
        Representation representation = Representation.json(new Tagged(7,
                Instant.parse("2026-01-02T03:04:05.678Z")));
        ValidatorFields fields = representation.fields();
        assertEquals(new ValidatorFields(EntityTagValue.strong("t7"), "\"t7\"",
                Instant.parse("2026-01-02T03:04:05.678Z"), "Fri, 02 Jan 2026 03:04:05 GMT"), fields);
        assertSame(fields, representation.fields());
        AllowlistCodec codec = new AllowlistCodec(EngineSettings.DEFAULT_ALLOW, "maxdepth=20;maxbytes=10000000",
                getClass().getClassLoader());
        assertEquals(fields, ((Representation) codec.decode(codec.encode(representation), 0)).fields());
        assertNull(Representation.json(List.of(new Item("a", 1))).fields().lastModifiedDate());
    }
}
