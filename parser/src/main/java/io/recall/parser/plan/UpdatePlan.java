package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;

/** UPDATE: {@code values[i]} (over the old row) is assigned to column {@code columns[i]}. */
public record UpdatePlan(TableDef table, int[] columns, Expr[] values, Expr where) implements BoundStatement {
    @Override
    public boolean writesData() {
        return true;
    }
}
