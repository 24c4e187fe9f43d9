package io.recall.parser.expr;

import io.recall.parser.error.RecallException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LIKE matcher: wildcards, escapes and case. */
class LikeTest {
    private static boolean like(String s, String p, Character esc) {
        return LikePattern.compile(p, esc, false).matches(s);
    }

    @Test
    void wildcards() {
        assertTrue(like("abc", "a%", null));
        assertTrue(like("abc", "%c", null));
        assertTrue(like("abc", "_b_", null));
        assertFalse(like("abc", "_b", null));
        assertTrue(like("", "%", null));
        assertTrue(like("a%b", "a!%b", '!'));
        assertFalse(like("axb", "a!%b", '!'));
        assertTrue(LikePattern.compile("A%", null, true).matches("abc"));
    }

    @Test
    void danglingEscapeIsAnError() {
        assertEquals("22025", assertThrows(RecallException.class, () -> like("a", "a!", '!')).sqlState());
    }
}
