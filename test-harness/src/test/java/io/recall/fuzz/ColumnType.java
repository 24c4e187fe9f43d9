package io.recall.fuzz;

import java.util.Random;

/** The column types the fuzzer uses, each with its SQL spelling, its family and a pool of values. */
enum ColumnType {
    INTEGER("INTEGER", Family.NUMBER),
    BIGINT("BIGINT", Family.NUMBER),
    DECIMAL("DECIMAL(10,2)", Family.NUMBER),
    DOUBLE("DOUBLE PRECISION", Family.NUMBER),
    VARCHAR("VARCHAR(12)", Family.TEXT),
    BOOLEAN("BOOLEAN", Family.BOOL),
    DATE("DATE", Family.DATE);

    /** Values of one family compare with each other; the generator never compares across families. */
    enum Family { NUMBER, TEXT, BOOL, DATE }

    // small pools, so joins match, groups form and duplicates occur
    private static final String[] INTS = {"0", "1", "2", "3", "-1", "5", "7", "-4", "10", "100"};
    private static final String[] BIGS = {"0", "1", "2", "-3", "5", "10", "3000000000", "-1"};
    private static final String[] DECS = {"0", "1", "1.50", "-2.25", "0.10", "2", "3.33", "-1", "10.01"};
    private static final String[] DOUBLES = {"0", "1", "0.5", "-1.25", "2", "0.1", "3", "-0.5", "1000"};
    private static final String[] TEXTS = {"'a'", "'b'", "'ab'", "'B'", "''", "'ba'", "'abc'", "'A'", "' a'", "'10'"};
    private static final String[] DATES = {"DATE '2020-01-01'", "DATE '2020-01-02'", "DATE '2019-12-31'",
            "DATE '2024-02-29'", "DATE '1999-01-01'"};

    final String sql;
    final Family family;

    ColumnType(String sql, Family family) {
        this.sql = sql;
        this.family = family;
    }

    /** A non-NULL value for a stored row (the column casts it). */
    String value(Random r) {
        return switch (this) {
            case INTEGER -> pick(r, INTS);
            case BIGINT -> pick(r, BIGS);
            case DECIMAL -> pick(r, DECS);
            case DOUBLE -> pick(r, DOUBLES);
            case VARCHAR -> pick(r, TEXTS);
            case BOOLEAN -> r.nextBoolean() ? "TRUE" : "FALSE";
            case DATE -> pick(r, DATES);
        };
    }

    /** A literal of exactly this type for use inside an expression. */
    String literal(Random r) {
        return switch (this) {
            case INTEGER -> {
                String v = pick(r, INTS);
                yield v.startsWith("-") ? "(" + v + ")" : v;
            }
            case BIGINT -> "CAST(" + pick(r, BIGS) + " AS BIGINT)";
            case DECIMAL -> {
                String v = pick(r, DECS);
                yield v.contains(".") && !v.startsWith("-") ? v : "CAST(" + v + " AS DECIMAL(10,2))";
            }
            case DOUBLE -> "CAST(" + pick(r, DOUBLES) + " AS DOUBLE PRECISION)";
            default -> value(r);
        };
    }

    /** The simplest literal of this type, for the reducer. */
    String simplest() {
        return switch (this) {
            case INTEGER -> "1";
            case BIGINT -> "CAST(1 AS BIGINT)";
            case DECIMAL -> "1.00";
            case DOUBLE -> "CAST(1 AS DOUBLE PRECISION)";
            case VARCHAR -> "'a'";
            case BOOLEAN -> "TRUE";
            case DATE -> "DATE '2020-01-01'";
        };
    }

    String typedNull() {
        return "CAST(NULL AS " + sql + ")";
    }

    boolean isExactInteger() {
        return this == INTEGER || this == BIGINT;
    }

    /** The type of a + b, a - b, a * b. */
    static ColumnType arithmetic(ColumnType a, ColumnType b) {
        if (a == DOUBLE || b == DOUBLE) {
            return DOUBLE;
        }
        if (a == DECIMAL || b == DECIMAL) {
            return DECIMAL;
        }
        return a == BIGINT || b == BIGINT ? BIGINT : INTEGER;
    }

    static ColumnType ofFamily(Family f, Random r) {
        return switch (f) {
            case NUMBER -> new ColumnType[]{INTEGER, BIGINT, DECIMAL, DOUBLE}[r.nextInt(4)];
            case TEXT -> VARCHAR;
            case BOOL -> BOOLEAN;
            case DATE -> DATE;
        };
    }

    static <T> T pick(Random r, T[] items) {
        return items[r.nextInt(items.length)];
    }
}
