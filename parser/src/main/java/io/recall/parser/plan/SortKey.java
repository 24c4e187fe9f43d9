package io.recall.parser.plan;

import io.recall.parser.expr.Expr;

/** One ORDER BY key over the source row. */
public record SortKey(Expr expr, boolean descending, boolean nullsFirst) {
}
