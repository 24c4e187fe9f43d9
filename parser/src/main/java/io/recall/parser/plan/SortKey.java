package io.recall.parser.plan;

import io.recall.parser.expr.Expr;

/** One ORDER BY key over the source row. */
public record SortKey(Expr expr, boolean descending, boolean nullsFirst) {
    public SortKey {
        if (!expr.type().type().isOrderable()) {
            throw io.recall.parser.error.RecallException.notSupported("ORDER BY a value of type " + expr.type().sqlName()
                    + ", which has no order");
        }
    }
}
