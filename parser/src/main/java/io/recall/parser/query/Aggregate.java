package io.recall.parser.query;

import io.recall.parser.expr.Expr;

/**
 * GROUP BY: one row per distinct value of {@code groups} (NULLs form one group), holding the
 * group values followed by the aggregate results. Without groups there is exactly one row, even
 * over no input rows.
 */
public record Aggregate(Relation input, Expr[] groups, AggregateCall[] calls) implements Relation {
    @Override
    public int width() {
        return groups.length + calls.length;
    }
}
