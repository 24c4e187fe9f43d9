package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.types.ColumnType;

import java.math.BigDecimal;

/** Unary minus. */
public record Negate(Expr operand) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        return negate(operand.eval(row, ctx));
    }

    public static Object negate(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i) {
            if (i == Integer.MIN_VALUE) {
                return -(long) i;
            }
            return -i;
        }
        if (v instanceof Long l) {
            if (l == Long.MIN_VALUE) {
                throw new RecallException(ErrorCode.NUMERIC_OUT_OF_RANGE, "Numeric value out of range for BIGINT");
            }
            return -l;
        }
        if (v instanceof BigDecimal d) {
            return d.negate();
        }
        if (v instanceof Double d) {
            return -d;
        }
        if (v instanceof Float f) {
            return -f;
        }
        return Arithmetic.apply(Arithmetic.Op.SUBTRACT, 0, v);
    }

    @Override
    public ColumnType type() {
        return operand.type();
    }

    @Override
    public Expr[] children() {
        return new Expr[]{operand};
    }
}
