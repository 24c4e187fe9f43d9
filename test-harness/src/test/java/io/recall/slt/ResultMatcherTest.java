package io.recall.slt;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultMatcherTest {

    @Test
    void formatsValuesAsSqlitesRunnerDoes() {
        assertEquals("NULL", ResultFormatter.format(null, 'I'));
        assertEquals("(empty)", ResultFormatter.format("", 'T'));
        assertEquals("a@@b@", ResultFormatter.format("a\u00e9b\n", 'T'));
        assertEquals("-2", ResultFormatter.format(-2.9, 'I'));
        assertEquals("7", ResultFormatter.format(new BigDecimal("7.5"), 'I'));
        assertEquals("1", ResultFormatter.format(true, 'I'));
        assertEquals("12", ResultFormatter.format("12abc", 'I'));
        assertEquals("2.500", ResultFormatter.format(2.5, 'R'));
        assertEquals("0.063", ResultFormatter.format(0.0625, 'R'));
        assertEquals("-0.000", ResultFormatter.format(-0.0001, 'R'));
        assertEquals("3.000", ResultFormatter.format(3, 'R'));
        assertEquals("1.5", ResultFormatter.format(1.5, 'T'));
        assertEquals("2.0", ResultFormatter.format(2.0, 'T'));
    }

    @Test
    void sortModesOrderRowsOrValues() {
        List<List<String>> rows = List.of(List.of("2", "a"), List.of("10", "b"), List.of("2", "0"));
        assertEquals(List.of("2", "a", "10", "b", "2", "0"), SortMode.NOSORT.order(rows));
        assertEquals(List.of("10", "b", "2", "0", "2", "a"), SortMode.ROWSORT.order(rows));
        assertEquals(List.of("0", "10", "2", "2", "a", "b"), SortMode.VALUESORT.order(rows));
    }

    @Test
    void comparesValueListsAndHashes() {
        List<List<String>> rows = List.of(List.of("1", "x"), List.of("2", "y"));
        assertEquals(Optional.empty(), ResultMatcher.compare(rows, SortMode.NOSORT,
                new ExpectedResult.Values(List.of("1", "x", "2", "y"))));
        assertEquals(Optional.empty(), ResultMatcher.compare(rows, SortMode.NOSORT,
                new ExpectedResult.Values(List.of("1 x", "2 y"))), "a row per line");
        String md5 = ResultMatcher.md5(List.of("1", "x", "2", "y"));
        assertEquals(Optional.empty(), ResultMatcher.compare(rows, SortMode.NOSORT, new ExpectedResult.Hashed(4, md5)));

        Optional<ResultMatcher.Mismatch> wrong = ResultMatcher.compare(rows, SortMode.NOSORT,
                new ExpectedResult.Values(List.of("1", "x", "3", "y")));
        assertTrue(wrong.isPresent());
        assertEquals("wrong result: different values", wrong.get().cause());
        assertEquals("value 3 of 4: expected 3, got 2", wrong.get().detail());
        assertEquals("wrong result: no rows", ResultMatcher.compare(List.of(), SortMode.NOSORT,
                new ExpectedResult.Hashed(4, md5)).orElseThrow().cause());
    }

    @Test
    void md5IsOverEachValueAndANewline() {
        // md5 of "1\n"
        assertEquals("b026324c6904b2a9cb4b88d6d61c81d1", ResultMatcher.md5(List.of("1")));
    }

    @Test
    void causesGroupMessagesThatDifferOnlyInNamesAndNumbers() {
        assertEquals("Table ? not found", FailureCause.firstWords("Table PUBLIC.T4 not found"));
        assertEquals("Column ? not found", FailureCause.firstWords("Column \"X\" not found; SQL statement:\nSELECT x"));
        assertEquals("Syntax error near ?", FailureCause.firstWords("Syntax error at line 1, column 12 near 'x'"));
        assertEquals("Only COUNT takes *", FailureCause.firstWords("Only COUNT takes *: MAX(ALL -3)"));
    }
}
