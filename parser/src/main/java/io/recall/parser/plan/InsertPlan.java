package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.Relation;

/**
 * INSERT of literal rows ({@code rows[r][i]} is the value for column {@code columns[i]}; a null
 * entry means DEFAULT) or of a query's rows ({@code source}, whose column {@code i} goes to
 * {@code columns[i]}; then {@code rows} is empty). Columns not listed get their default.
 */
public record InsertPlan(TableDef table, int[] columns, Expr[][] rows, Relation source) implements BoundStatement {
    @Override
    public boolean writesData() {
        return true;
    }
}
