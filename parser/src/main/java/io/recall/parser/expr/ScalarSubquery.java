package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.types.ColumnType;

/** {@code (SELECT x ...)} as a value: NULL for no row, an error (21000) for more than one. */
public record ScalarSubquery(Subquery query, ColumnType type) implements SubqueryExpr {
    private static final Object NULL = new Object();

    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        if (!query.correlated()) {
            Object cached = ctx.cached(this);
            if (cached != null) {
                return cached == NULL ? null : cached;
            }
        }
        Object[][] found = new Object[1][];
        query.run(row, ctx, r -> {
            if (found[0] != null) {
                throw new RecallException(ErrorCode.CARDINALITY_VIOLATION,
                        "A subquery used as a value returned more than one row");
            }
            found[0] = r;
            return true;
        });
        Object value = found[0] == null ? null : found[0][0];
        if (!query.correlated()) {
            ctx.cache(this, value == null ? NULL : value);
        }
        return value;
    }
}
