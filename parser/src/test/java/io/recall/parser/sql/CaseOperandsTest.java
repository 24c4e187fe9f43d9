package io.recall.parser.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Parenthesizing signed CASE operands, which JSqlParser cannot parse. */
class CaseOperandsTest {
    @Test
    void wrapsASignedOperandUpToItsWhen() {
        assertEquals("SELECT CASE (- 16) WHEN 18 THEN 1 END", CaseOperands.wrap("SELECT CASE - 16 WHEN 18 THEN 1 END"));
        assertEquals("SELECT CASE (+ (a + 1) * 2) WHEN 4 THEN 1 END",
                CaseOperands.wrap("SELECT CASE + (a + 1) * 2 WHEN 4 THEN 1 END"));
    }

    @Test
    void wrapsNestedCasesInsideAndOutsideTheOperand() {
        assertEquals("SELECT CASE (- CASE (- 1) WHEN 2 THEN 3 END) WHEN 4 THEN 5 END",
                CaseOperands.wrap("SELECT CASE - CASE - 1 WHEN 2 THEN 3 END WHEN 4 THEN 5 END"));
    }

    @Test
    void leavesOtherCasesStringsAndCommentsAlone() {
        String[] unchanged = {"SELECT CASE WHEN -1 < 0 THEN 1 END", "SELECT CASE a WHEN -1 THEN 1 END",
            "SELECT 'CASE - 1 WHEN' FROM t", "SELECT 1 -- CASE - 1 WHEN", "SELECT showcase - 1 FROM t"};
        for (String sql : unchanged) {
            assertEquals(sql, CaseOperands.wrap(sql));
        }
    }
}
