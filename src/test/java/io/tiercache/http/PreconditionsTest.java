package io.tiercache.http;

import static io.tiercache.http.Preconditions.Outcome.IF_MATCH_FAILED;
import static io.tiercache.http.Preconditions.Outcome.IF_NONE_MATCH_FAILED;
import static io.tiercache.http.Preconditions.Outcome.IF_UNMODIFIED_SINCE_FAILED;
import static io.tiercache.http.Preconditions.Outcome.NOT_MODIFIED;
import static io.tiercache.http.Preconditions.Outcome.PROCEED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    private static final EntityTagValue TAG = EntityTagValue.strong("s1.3");
    private static final Instant MODIFIED = Instant.parse("2026-11-20T10:15:30.123456Z");
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final String AT_MODIFIED = "Fri, 20 Nov 2026 10:15:30 GMT";
    private static final String BEFORE = "Fri, 20 Nov 2026 10:15:29 GMT";

    private static Preconditions.Outcome read(String ifMatch, String ifUnmodifiedSince, String ifNoneMatch,
            String ifModifiedSince) {
        return Preconditions.evaluate(true, new Preconditions.Fields(ifMatch, ifUnmodifiedSince, ifNoneMatch,
                ifModifiedSince), TAG, MODIFIED, NOW);
    }

    private static Preconditions.Outcome get(String ifNoneMatch, String ifModifiedSince) {
        return read(null, null, ifNoneMatch, ifModifiedSince);
    }

    @Test
    void matchingTagInAListIsNotModified() {
        assertEquals(NOT_MODIFIED, get("\"x\", W/\"s1.3\"", null));
        assertEquals(NOT_MODIFIED, get("*", null));
        assertEquals(PROCEED, get("\"s1.2\"", null));
    }

    @Test
    void ifNoneMatchTakesPrecedenceOverIfModifiedSince() {
        assertEquals(PROCEED, get("\"s1.2\"", AT_MODIFIED));
        assertEquals(NOT_MODIFIED, get("\"s1.3\"", BEFORE));
    }

    @Test
    void ifModifiedSinceComparesToTheSecond() {
        assertEquals(NOT_MODIFIED, get(null, AT_MODIFIED));
        assertEquals(PROCEED, get(null, BEFORE));
    }

    @Test
    void malformedValidatorsAreIgnored() {
        assertEquals(NOT_MODIFIED, get("garbage", AT_MODIFIED));
        assertEquals(PROCEED, get("garbage", "not a date"));
        assertEquals(PROCEED, get(null, "Fri, 20 Nov 2026 99:15:30 GMT"));
        assertEquals(PROCEED, read(null, "not a date", null, null));
    }

    @Test
    void futureDatesAndUnknownModificationAreIgnored() {
        assertEquals(PROCEED, get(null, "Thu, 31 Dec 2099 00:00:00 GMT"));
        assertEquals(PROCEED, Preconditions.evaluate(true, new Preconditions.Fields(null, BEFORE, null, AT_MODIFIED),
                TAG, null, NOW));
    }

    @Test
    void ifMatchIsEvaluatedOnReadsByStrongComparison() {
        assertEquals(IF_MATCH_FAILED, read("\"nope\"", null, null, null));
        assertEquals(IF_MATCH_FAILED, read("W/\"s1.3\"", null, null, null));
        assertEquals(IF_MATCH_FAILED, read("garbage", null, null, null));
        assertEquals(PROCEED, read("\"x\", \"s1.3\"", null, null, null));
        assertEquals(PROCEED, read("*", null, null, null));
        assertEquals(IF_MATCH_FAILED, read("\"nope\"", null, "\"s1.3\"", null), "If-Match comes first");
        assertEquals(NOT_MODIFIED, read("\"s1.3\"", null, "\"s1.3\"", null));
    }

    @Test
    void ifUnmodifiedSinceIsEvaluatedOnReadsOnlyWithoutIfMatch() {
        assertEquals(IF_UNMODIFIED_SINCE_FAILED, read(null, BEFORE, null, null));
        assertEquals(PROCEED, read(null, AT_MODIFIED, null, null));
        assertEquals(PROCEED, read("\"s1.3\"", BEFORE, null, null));
    }

    @Test
    void anUntaggedRepresentationMatchesOnlyTheWildcard() {
        Preconditions.Fields ifMatch = new Preconditions.Fields("\"x\"", null, null, null);
        assertEquals(IF_MATCH_FAILED, Preconditions.evaluate(true, ifMatch, null, null, NOW));
        assertEquals(PROCEED, Preconditions.evaluate(true, new Preconditions.Fields("*", null, null, null), null,
                null, NOW));
        assertEquals(NOT_MODIFIED, Preconditions.evaluate(true, new Preconditions.Fields(null, null, "*", null), null,
                null, NOW));
    }

    @Test
    void aMatchingIfNoneMatchFailsAWriteInsteadOfNotModified() {
        Preconditions.Fields fields = new Preconditions.Fields(null, null, "W/\"s1.3\"", null);
        assertEquals(IF_NONE_MATCH_FAILED, Preconditions.evaluate(false, fields, TAG, MODIFIED, NOW));
        assertEquals(PROCEED, Preconditions.evaluate(false, new Preconditions.Fields(null, null, null, AT_MODIFIED),
                TAG, MODIFIED, NOW), "If-Modified-Since applies to reads only");
    }
}
