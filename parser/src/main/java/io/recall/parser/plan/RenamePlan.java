package io.recall.parser.plan;

/**
 * ALTER TABLE t RENAME TO u ({@code column} null) or ALTER TABLE t RENAME [COLUMN] c TO d; names
 * normalised, checked against the table as the catalog holds it. {@code newName} is null when the
 * table does not exist and IF EXISTS was given.
 */
public record RenamePlan(String schema, String table, String column, String newName) implements AlterTablePlan {
    public static RenamePlan nothing(String schema, String table) {
        return new RenamePlan(schema, table, null, null);
    }

    public boolean isNothing() {
        return newName == null;
    }

    public boolean renamesTable() {
        return column == null;
    }
}
