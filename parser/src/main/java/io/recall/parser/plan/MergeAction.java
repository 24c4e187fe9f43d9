package io.recall.parser.plan;

import io.recall.parser.expr.Expr;

/**
 * One {@code WHEN [NOT] MATCHED [AND condition] THEN ...} of a MERGE: UPDATE assigns {@code values[i]}
 * to column {@code columns[i]}; INSERT gives column {@code columns[i]} the value {@code values[i]} (a
 * null entry means DEFAULT; columns not listed get their default); DELETE uses neither. A null
 * condition always holds.
 */
public record MergeAction(Kind kind, Expr condition, int[] columns, Expr[] values) {
    public enum Kind { UPDATE, DELETE, INSERT }
}
