package io.recall.parser.plan;

import io.recall.parser.catalog.ColumnDef;

/**
 * ALTER TABLE ... ADD [COLUMN] c type [DEFAULT v] [NOT NULL]: the new column, bound; null when the
 * table does not exist and IF EXISTS was given.
 */
public record AddColumnPlan(String schema, String table, ColumnDef column) implements AlterTablePlan {
    public static AddColumnPlan nothing(String schema, String table) {
        return new AddColumnPlan(schema, table, null);
    }

    public boolean isNothing() {
        return column == null;
    }
}
