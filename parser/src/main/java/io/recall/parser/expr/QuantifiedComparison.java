package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/**
 * {@code x op ANY (SELECT ...)} and {@code x op ALL (SELECT ...)}: the comparison against every
 * row, combined with OR (ANY) or AND (ALL) under three-valued logic. ANY over no rows is FALSE,
 * ALL over no rows is TRUE.
 */
public record QuantifiedComparison(Expr operand, Comparison.Op op, boolean all, Subquery query)
        implements SubqueryExpr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object v = operand.eval(row, ctx);
        boolean[] sawNull = new boolean[1];
        boolean[] decided = new boolean[1];
        query.run(row, ctx, r -> {
            Object item = r[0];
            if (v == null || item == null) {
                sawNull[0] = true;
                return true;
            }
            boolean holds = op.holds(v, item);
            if (holds != all) {
                decided[0] = true;
                return false;
            }
            return true;
        });
        if (decided[0]) {
            return !all;
        }
        return sawNull[0] ? null : all;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{operand};
    }
}
