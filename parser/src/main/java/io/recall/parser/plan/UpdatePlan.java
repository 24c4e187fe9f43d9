package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;

/**
 * UPDATE: {@code values[i]} (over the old row) is assigned to column {@code columns[i]};
 * {@code returning} (null: none) is evaluated over each new row.
 */
public record UpdatePlan(TableDef table, int[] columns, Expr[] values, Expr where, Returning returning)
        implements BoundStatement {
    public UpdatePlan(TableDef table, int[] columns, Expr[] values, Expr where) {
        this(table, columns, values, where, null);
    }

    @Override
    public boolean writesData() {
        return true;
    }
}
