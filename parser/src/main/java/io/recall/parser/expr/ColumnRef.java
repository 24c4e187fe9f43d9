package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/** Reads one position of the row array. */
public record ColumnRef(int index, String name, ColumnType type) implements Expr {
    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        return row[index];
    }
}
