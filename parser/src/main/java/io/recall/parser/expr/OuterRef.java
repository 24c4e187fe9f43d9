package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** Reads a column of an enclosing query's current row from inside a correlated subquery. */
public record OuterRef(int depth, int index, String name, ColumnType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        return ctx.outer(depth)[index];
    }
}
