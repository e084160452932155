package io.tiercache.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WritePreconditionsTest {

    private static final Validated CURRENT = new Validated() {
        @Override
        public String entityTag() {
            return "s7.2";
        }

        @Override
        public Instant lastModified() {
            return Instant.parse("2026-11-20T10:15:30.5Z");
        }
    };

    @Test
    void currentTagPasses() {
        assertDoesNotThrow(() -> WritePreconditions.of("\"s7.1\", \"s7.2\"", null, null).check(CURRENT));
        assertDoesNotThrow(() -> WritePreconditions.of("*", null, null).check(CURRENT));
    }

    @Test
    void staleWeakOrMalformedTagFails() {
        assertThrows(PreconditionFailedException.class, () -> WritePreconditions.of("\"s7.1\"", null, null).check(CURRENT));
        assertThrows(PreconditionFailedException.class, () -> WritePreconditions.of("W/\"s7.2\"", null, null).check(CURRENT));
        assertThrows(PreconditionFailedException.class, () -> WritePreconditions.of("s7.2", null, null).check(CURRENT));
    }

    @Test
    void ifUnmodifiedSinceComparesToTheSecond() {
        assertDoesNotThrow(() -> WritePreconditions.of(null, "Fri, 20 Nov 2026 10:15:30 GMT", null).check(CURRENT));
        assertThrows(PreconditionFailedException.class,
                () -> WritePreconditions.of(null, "Fri, 20 Nov 2026 10:15:29 GMT", null).check(CURRENT));
    }

    @Test
    void ifMatchTakesPrecedenceOverIfUnmodifiedSince() {
        assertDoesNotThrow(() -> WritePreconditions.of("\"s7.2\"", "Fri, 20 Nov 2026 10:15:29 GMT", null).check(CURRENT));
    }

    @Test
    void unparseableIfUnmodifiedSinceIsIgnored() {
        WritePreconditions garbage = WritePreconditions.of(null, "last tuesday", null);
        assertFalse(garbage.present());
        assertDoesNotThrow(() -> garbage.check(CURRENT));
    }

    @Test
    void validatorsRequiredOnlyWhenSwitchedOn() {
        WritePreconditions none = WritePreconditions.of(null, null, null);
        assertDoesNotThrow(() -> none.require(false));
        assertThrows(PreconditionRequiredException.class, () -> none.require(true));
        assertThrows(PreconditionRequiredException.class, () -> WritePreconditions.of(null, "nope", null).require(true));
        assertTrue(WritePreconditions.of("\"s7.2\"", null, null).present());
        assertDoesNotThrow(() -> WritePreconditions.of(null, "Fri, 20 Nov 2026 10:15:30 GMT", null).require(true));
    }

    @Test
    void aMatchingIfNoneMatchFailsTheWrite() {
        for (String noneMatch : new String[] {"*", "\"s7.2\"", "W/\"s7.2\"", "\"x\", \"s7.2\""}) {
            assertThrows(PreconditionFailedException.class,
                    () -> WritePreconditions.of(null, null, noneMatch).check(CURRENT), noneMatch);
            assertThrows(PreconditionFailedException.class,
                    () -> WritePreconditions.of("\"s7.2\"", null, noneMatch).check(CURRENT), noneMatch);
        }
        assertDoesNotThrow(() -> WritePreconditions.of("\"s7.2\"", null, "\"s7.1\"").check(CURRENT));
        assertDoesNotThrow(() -> WritePreconditions.of(null, null, "garbage").check(CURRENT));
        assertFalse(WritePreconditions.of(null, null, "*").present(), "If-None-Match does not prevent lost updates");
    }
}
