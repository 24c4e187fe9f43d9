package io.recall.parser.plan;

import io.recall.parser.expr.Expr;
import io.recall.parser.types.ColumnType;

/**
 * ALTER TABLE ... ALTER [COLUMN] c [SET DATA] TYPE t [USING expr]: every stored value of the column is
 * converted to {@code type} (by an assignment cast of the column's value, or of {@code using}, bound over
 * the table's row). {@code column} is null when the table does not exist and IF EXISTS was given.
 */
public record ColumnTypePlan(String schema, String table, String column, ColumnType type, Expr using,
                             String usingSql) implements AlterTablePlan {
    public static ColumnTypePlan nothing(String schema, String table) {
        return new ColumnTypePlan(schema, table, null, null, null, null);
    }

    public boolean isNothing() {
        return column == null;
    }
}
