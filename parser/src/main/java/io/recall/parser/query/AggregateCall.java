package io.recall.parser.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.types.ColumnType;

/** One aggregate function over the input rows; {@code argument} is null for COUNT(*). */
public record AggregateCall(Kind kind, Expr argument, boolean distinct, ColumnType type) {
    public enum Kind { COUNT_ROWS, COUNT, SUM, AVG, MIN, MAX, EVERY, ANY, STRING_AGG }
}
