package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;

/** DELETE of the rows matching {@code where} (all rows when null). */
public record DeletePlan(TableDef table, Expr where) implements BoundStatement {
    @Override
    public boolean writesData() {
        return true;
    }
}
