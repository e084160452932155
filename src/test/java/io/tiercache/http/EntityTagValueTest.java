package io.tiercache.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.http.EntityTagValue.TagCondition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagValueTest {

    @Test
    void parsesAListWithWeakAndStrongTagsAndEmptyElements() {
        TagCondition condition = EntityTagValue.parseCondition(" \"a\", W/\"b\" ,, \"c-1.2\"").orElseThrow();
        assertEquals(List.of(EntityTagValue.strong("a"), new EntityTagValue("b", true), EntityTagValue.strong("c-1.2")),
                condition.tags());
        assertFalse(condition.isAny());
    }

    @Test
    void starMeansAnyRepresentationButNotNone() {
        TagCondition any = EntityTagValue.parseCondition(" * ").orElseThrow();
        assertTrue(any.isAny());
        assertTrue(any.matchesWeakly(EntityTagValue.strong("x")));
        assertTrue(any.matchesStrongly(EntityTagValue.strong("x")));
        assertFalse(any.matchesWeakly(null));
    }

    @Test
    void weakComparisonIgnoresTheWeakPrefix() {
        TagCondition condition = EntityTagValue.parseCondition("W/\"v1\"").orElseThrow();
        assertTrue(condition.matchesWeakly(EntityTagValue.strong("v1")));
        assertFalse(condition.matchesWeakly(EntityTagValue.strong("v2")));
    }

    @Test
    void strongComparisonNeedsBothStrong() {
        assertFalse(EntityTagValue.parseCondition("W/\"v1\"").orElseThrow().matchesStrongly(EntityTagValue.strong("v1")));
        assertTrue(EntityTagValue.parseCondition("\"v0\", \"v1\"").orElseThrow().matchesStrongly(EntityTagValue.strong("v1")));
        assertFalse(new EntityTagValue("v1", true).strongMatch(new EntityTagValue("v1", true)));
    }

    @Test
    void emptyQuotedTagIsValid() {
        assertEquals(List.of(EntityTagValue.strong("")), EntityTagValue.parseCondition("\"\"").orElseThrow().tags());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ",", "abc", "\"unclosed", "W/abc", "w/\"lowercase-prefix\"", "\"a\" \"b\"",
            "\"a\";\"b\"", "**", "\"a\", *", "\"with space\"", "\"a\"x", "W/ \"a\""})
    void garbageIsNotACondition(String value) {
        assertEquals(Optional.empty(), EntityTagValue.parseCondition(value), value);
    }

    @Test
    void nullIsNotACondition() {
        assertEquals(Optional.empty(), EntityTagValue.parseCondition(null));
    }

    @Test
    void headerFormQuotesAndPrefixes() {
        assertEquals("\"s1.2\"", EntityTagValue.strong("s1.2").toString());
        assertEquals("W/\"s1.2\"", new EntityTagValue("s1.2", true).toString());
        assertThrows(IllegalArgumentException.class, () -> EntityTagValue.strong("has\"quote"));
    }
}
