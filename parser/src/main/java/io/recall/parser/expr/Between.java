package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** {@code x [NOT] BETWEEN low AND high}, i.e. {@code low <= x AND x <= high} evaluating x once. */
public record Between(Expr operand, Expr low, Expr high, boolean negated) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object v = operand.eval(row, ctx);
        Object lo = low.eval(row, ctx);
        Object hi = high.eval(row, ctx);
        Boolean geLow = v == null || lo == null ? null : io.recall.parser.types.Values.compare(v, lo) >= 0;
        Boolean leHigh = v == null || hi == null ? null : io.recall.parser.types.Values.compare(v, hi) <= 0;
        Boolean result;
        if (Boolean.FALSE.equals(geLow) || Boolean.FALSE.equals(leHigh)) {
            result = Boolean.FALSE;
        } else if (geLow == null || leHigh == null) {
            result = null;
        } else {
            result = Boolean.TRUE;
        }
        return result == null ? null : result != negated;
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{operand, low, high};
    }
}
