package io.recall.parser.types;

import io.recall.parser.error.RecallException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Assignment and explicit casts, and the errors for values that do not fit. */
class CastTest {
    @Test
    void assignmentCastsToCanonicalClasses() {
        assertEquals(5, Cast.assign(5L, ColumnType.INTEGER));
        assertEquals(5L, Cast.assign("5", ColumnType.BIGINT));
        assertEquals(new BigDecimal("1.50"), Cast.assign(1.5, new ColumnType(SqlType.DECIMAL, 5, 2)));
        assertEquals(LocalDate.of(2020, 1, 2), Cast.assign("2020-01-02", ColumnType.DATE));
        assertEquals("ab ", Cast.assign("ab", new ColumnType(SqlType.CHAR, 3, 0)));
    }

    @Test
    void valuesThatDoNotFitAreErrors() {
        assertEquals("22001", assertThrows(RecallException.class,
                () -> Cast.assign("abcdef", new ColumnType(SqlType.VARCHAR, 3, 0))).sqlState());
        assertEquals("22003", assertThrows(RecallException.class,
                () -> Cast.assign(1L << 40, ColumnType.INTEGER)).sqlState());
        assertEquals("22003", assertThrows(RecallException.class,
                () -> Cast.assign(new BigDecimal("1000"), new ColumnType(SqlType.DECIMAL, 4, 2))).sqlState());
        assertEquals("22018", assertThrows(RecallException.class,
                () -> Cast.assign("abc", ColumnType.INTEGER)).sqlState());
        assertEquals("22007", assertThrows(RecallException.class,
                () -> Cast.assign("2020-13-45", ColumnType.DATE)).sqlState());
    }

    @Test
    void explicitCastTruncatesStrings() {
        assertEquals("abc", Cast.explicit("abcdef", new ColumnType(SqlType.VARCHAR, 3, 0)));
    }

    @Test
    void comparisonCrossesNumericClasses() {
        assertEquals(0, Values.compare(1, new BigDecimal("1.00")));
        assertEquals(0, Values.compare("5", 5));
        assertEquals(-1, Integer.signum(Values.compare(1, 1.5)));
    }
}
