package io.tiercache.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.http.EntityTag.TagCondition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagTest {

    @Test
    void parsesAListWithWeakAndStrongTagsAndEmptyElements() {
        TagCondition condition = EntityTag.parseCondition(" \"a\", W/\"b\" ,, \"c-1.2\"").orElseThrow();
        assertEquals(List.of(EntityTag.strong("a"), new EntityTag("b", true), EntityTag.strong("c-1.2")),
                condition.tags());
        assertFalse(condition.isAny());
    }

    @Test
    void starMeansAnyRepresentationButNotNone() {
        TagCondition any = EntityTag.parseCondition(" * ").orElseThrow();
        assertTrue(any.isAny());
        assertTrue(any.matchesWeakly(EntityTag.strong("x")));
        assertTrue(any.matchesStrongly(EntityTag.strong("x")));
        assertFalse(any.matchesWeakly(null));
    }

    @Test
    void weakComparisonIgnoresTheWeakPrefix() {
        TagCondition condition = EntityTag.parseCondition("W/\"v1\"").orElseThrow();
        assertTrue(condition.matchesWeakly(EntityTag.strong("v1")));
        assertFalse(condition.matchesWeakly(EntityTag.strong("v2")));
    }

    @Test
    void strongComparisonNeedsBothStrong() {
        assertFalse(EntityTag.parseCondition("W/\"v1\"").orElseThrow().matchesStrongly(EntityTag.strong("v1")));
        assertTrue(EntityTag.parseCondition("\"v0\", \"v1\"").orElseThrow().matchesStrongly(EntityTag.strong("v1")));
        assertFalse(new EntityTag("v1", true).strongMatch(new EntityTag("v1", true)));
    }

    @Test
    void emptyQuotedTagIsValid() {
        assertEquals(List.of(EntityTag.strong("")), EntityTag.parseCondition("\"\"").orElseThrow().tags());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ",", "abc", "\"unclosed", "W/abc", "w/\"lowercase-prefix\"", "\"a\" \"b\"",
            "\"a\";\"b\"", "**", "\"a\", *", "\"with space\"", "\"a\"x", "W/ \"a\""})
    void garbageIsNotACondition(String value) {
        assertEquals(Optional.empty(), EntityTag.parseCondition(value), value);
    }

    @Test
    void nullIsNotACondition() {
        assertEquals(Optional.empty(), EntityTag.parseCondition(null));
    }

    @Test
    void headerFormQuotesAndPrefixes() {
        assertEquals("\"s1.2\"", EntityTag.strong("s1.2").toString());
        assertEquals("W/\"s1.2\"", new EntityTag("s1.2", true).toString());
        assertThrows(IllegalArgumentException.class, () -> EntityTag.strong("has\"quote"));
    }
}
