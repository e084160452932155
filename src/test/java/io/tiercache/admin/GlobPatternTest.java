package io.tiercache.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiercache.problem.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobPatternTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", "strategies:list:*", "page=?", "[abc]*", "[^a-z]x", "a\\*b", "\"quoted \\[x\\]\"",
            "Page(number=0,size=20)", "~!@#$%^&()_+-={}|;'<>,./"})
    void acceptsPrintableGlobs(String pattern) {
        assertEquals(pattern, GlobPattern.validated(pattern));
    }

    @Test
    void acceptsUpToTheLimit() {
        String longest = "x".repeat(GlobPattern.MAX_LENGTH);
        assertEquals(longest, GlobPattern.validated(longest));
        assertRejected("x".repeat(GlobPattern.MAX_LENGTH + 1), "at most 256");
    }

    @Test
    void rejectsMissingControlAndNonAsciiCharactersAndBrokenSyntax() {
        assertRejected(null, "required");
        assertRejected("", "required");
        assertRejected("a\nb", "printable ASCII");
        assertRejected("a\u0000", "printable ASCII");
        assertRejected("caf\u00e9", "printable ASCII");
        assertRejected("a\\\u0007", "printable ASCII");
        assertRejected("[abc", "without its closing");
        assertRejected("abc\\", "unescaped");
    }

    private static void assertRejected(String pattern, String message) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> GlobPattern.validated(pattern));
        assertEquals("pattern", e.field());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
