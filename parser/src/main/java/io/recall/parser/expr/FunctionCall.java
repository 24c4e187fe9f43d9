package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** A call of a {@link Builtin} function; COALESCE evaluates its arguments lazily. */
public record FunctionCall(Builtin function, Expr[] args, ColumnType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        if (function == Builtin.COALESCE) {
            for (Expr e : args) {
                Object v = e.eval(row, ctx);
                if (v != null) {
                    return type.type().isNumeric() && v instanceof Number
                            ? io.recall.parser.types.Cast.explicit(v, type) : v;
                }
            }
            return null;
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object v = args[i].eval(row, ctx);
            if (v == null && function.nullIn()) {
                return null;
            }
            values[i] = v;
        }
        return function.call(values, ctx);
    }

    @Override
    public Expr[] children() {
        return args;
    }
}
