package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** {@code [NOT] EXISTS (SELECT ...)}: reads at most one row of the subquery. */
public record ExistsSubquery(Subquery query, boolean negated) implements SubqueryExpr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        if (!query.correlated()) {
            Object cached = ctx.cached(this);
            if (cached != null) {
                return cached;
            }
        }
        boolean[] found = new boolean[1];
        query.run(row, ctx, r -> {
            found[0] = true;
            return false;
        });
        Boolean result = found[0] != negated;
        if (!query.correlated()) {
            ctx.cache(this, result);
        }
        return result;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }
}
