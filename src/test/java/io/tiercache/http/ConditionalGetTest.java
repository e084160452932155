package io.tiercache.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionalGetTest {

    private static final EntityTag TAG = EntityTag.strong("s1.3");
    private static final Instant MODIFIED = Instant.parse("2026-11-20T10:15:30.123456Z");
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final String AT_MODIFIED = "Fri, 20 Nov 2026 10:15:30 GMT";
    private static final String BEFORE = "Fri, 20 Nov 2026 10:15:29 GMT";

    @Test
    void matchingTagInAListIsNotModified() {
        assertTrue(ConditionalGet.notModified("\"x\", W/\"s1.3\"", null, TAG, MODIFIED, NOW));
        assertTrue(ConditionalGet.notModified("*", null, TAG, MODIFIED, NOW));
        assertFalse(ConditionalGet.notModified("\"s1.2\"", null, TAG, MODIFIED, NOW));
    }

    @Test
    void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
        assertFalse(ConditionalGet.notModified("\"s1.2\"", AT_MODIFIED, TAG, MODIFIED, NOW));
        assertTrue(ConditionalGet.notModified("\"s1.3\"", BEFORE, TAG, MODIFIED, NOW));
    }

    @Test
    void ifModifiedSinceComparesToTheSecond() {
        assertTrue(ConditionalGet.notModified(null, AT_MODIFIED, TAG, MODIFIED, NOW));
        assertFalse(ConditionalGet.notModified(null, BEFORE, TAG, MODIFIED, NOW));
    }

    @Test
    void malformedValidatorsAreIgnored() {
        assertTrue(ConditionalGet.notModified("garbage", AT_MODIFIED, TAG, MODIFIED, NOW));
        assertFalse(ConditionalGet.notModified("garbage", "not a date", TAG, MODIFIED, NOW));
        assertFalse(ConditionalGet.notModified(null, "Fri, 20 Nov 2026 99:15:30 GMT", TAG, MODIFIED, NOW));
    }

    @Test
    void futureDatesAndUnknownModificationAreIgnored() {
        assertFalse(ConditionalGet.notModified(null, "Thu, 31 Dec 2099 00:00:00 GMT", TAG, MODIFIED, NOW));
        assertFalse(ConditionalGet.notModified(null, AT_MODIFIED, TAG, null, NOW));
    }
}
