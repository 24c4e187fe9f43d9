package io.recall.parser.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.plan.SortKey;
import io.recall.parser.types.ColumnType;

/**
 * One {@code f(...) OVER (PARTITION BY ... ORDER BY ...)} with the default frame: the whole
 * partition without ORDER BY, otherwise from its start to the current row and its peers.
 * {@code aggregate} is set for aggregate functions used as window functions.
 */
public record WindowCall(Kind kind, Expr[] arguments, AggregateCall aggregate, Expr[] partitionBy,
                         SortKey[] orderBy, ColumnType type) {
    public enum Kind { ROW_NUMBER, RANK, DENSE_RANK, LAG, LEAD, AGGREGATE }
}
