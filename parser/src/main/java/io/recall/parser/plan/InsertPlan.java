package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;

/**
 * INSERT of literal rows: {@code rows[r][i]} is the value for column {@code columns[i]}; a null
 * entry means DEFAULT. Columns not listed get their default.
 */
public record InsertPlan(TableDef table, int[] columns, Expr[][] rows) implements BoundStatement {
    @Override
    public boolean writesData() {
        return true;
    }
}
