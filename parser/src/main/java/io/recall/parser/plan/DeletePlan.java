package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;

/**
 * DELETE of the rows matching {@code where} (all rows when null); {@code returning} (null: none) is
 * evaluated over each deleted row.
 */
public record DeletePlan(TableDef table, Expr where, Returning returning) implements BoundStatement {
    public DeletePlan(TableDef table, Expr where) {
        this(table, where, null);
    }

    @Override
    public boolean writesData() {
        return true;
    }
}
