package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;
import io.recall.parser.types.Values;

/** A constant. */
public record Literal(Object value, ColumnType type) implements Expr {
    public static final Literal NULL = new Literal(null, ColumnType.UNKNOWN);

    public static Literal of(Object value) {
        return new Literal(value, Values.typeOf(value));
    }

    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        return value;
    }

    @Override
    public boolean isConstant() {
        return true;
    }
}
