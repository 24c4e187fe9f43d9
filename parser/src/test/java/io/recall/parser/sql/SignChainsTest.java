package io.recall.parser.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Folding of chained unary signs that JSqlParser cannot parse. */
class SignChainsTest {
    @Test
    void foldsUnaryChainsByParity() {
        assertEquals("SELECT +4", SignChains.fold("SELECT - - 4"));
        assertEquals("SELECT -4", SignChains.fold("SELECT - - - 4"));
        assertEquals("SELECT a - -b FROM t", SignChains.fold("SELECT a - - b FROM t"));
        assertEquals("SELECT a + -b FROM t", SignChains.fold("SELECT a + - b FROM t"));
        assertEquals("SELECT (+x) FROM t WHERE +y > 0", SignChains.fold("SELECT (- -x) FROM t WHERE - - y > 0"));
    }

    @Test
    void leavesStringsCommentsAndSingleSignsAlone() {
        assertEquals("SELECT '- - 1', a - 1 -- - - x", SignChains.fold("SELECT '- - 1', a - 1 -- - - x"));
        assertEquals("SELECT -1", SignChains.fold("SELECT -1"));
    }
}
