package io.recall.parser.plan;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.Relation;

/**
 * INSERT of literal rows ({@code rows[r][i]} is the value for column {@code columns[i]}; a null
 * entry means DEFAULT) or of a query's rows ({@code source}, whose column {@code i} goes to
 * {@code columns[i]}; then {@code rows} is empty). Columns not listed get their default.
 * {@code onConflict} (null: none) handles unique conflicts; {@code returning} (null: none) makes the
 * statement return rows.
 */
public record InsertPlan(TableDef table, int[] columns, Expr[][] rows, Relation source, OnConflict onConflict,
                         Returning returning) implements BoundStatement {
    public InsertPlan(TableDef table, int[] columns, Expr[][] rows, Relation source) {
        this(table, columns, rows, source, null, null);
    }

    @Override
    public boolean writesData() {
        return true;
    }
}
