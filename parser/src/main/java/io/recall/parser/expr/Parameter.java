package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;

/**
 * A {@code ?} placeholder. Its type is inferred from where it stands (the column it is compared
 * with or assigned to) so ParameterMetaData can report it; UNKNOWN otherwise.
 */
public final class Parameter implements Expr {
    private final int index;
    private ColumnType type = ColumnType.UNKNOWN;

    public Parameter(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** Sets the type implied by the context, the first context wins. */
    public void inferType(ColumnType t) {
        if (type.type() == io.recall.parser.types.SqlType.UNKNOWN && t != null) {
            type = t;
        }
    }

    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        return ctx.parameter(index);
    }

    @Override
    public ColumnType type() {
        return type;
    }
}
