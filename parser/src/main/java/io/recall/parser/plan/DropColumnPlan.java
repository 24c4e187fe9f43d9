package io.recall.parser.plan;

/**
 * ALTER TABLE ... DROP [COLUMN] [IF EXISTS] c [CASCADE | RESTRICT]. {@code column} is null when there is
 * nothing to do (the table or, with IF EXISTS, the column does not exist).
 */
public record DropColumnPlan(String schema, String table, String column, boolean cascade) implements AlterTablePlan {
    public static DropColumnPlan nothing(String schema, String table) {
        return new DropColumnPlan(schema, table, null, false);
    }

    public boolean isNothing() {
        return column == null;
    }
}
