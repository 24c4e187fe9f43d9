package io.recall.parser.plan;

import io.recall.parser.expr.Expr;

/**
 * ALTER TABLE ... ALTER [COLUMN] c SET DEFAULT v / DROP DEFAULT / SET NOT NULL / DROP NOT NULL: changes of
 * a column's definition that leave the stored rows as they are. {@code defaultSql} and {@code defaultValue}
 * are the new DEFAULT (as written and bound) for {@link Change#SET_DEFAULT}; {@code column} is null when
 * the table does not exist and IF EXISTS was given.
 */
public record AlterColumnPlan(String schema, String table, String column, Change change, String defaultSql,
                              Expr defaultValue) implements AlterTablePlan {
    public enum Change {
        SET_DEFAULT, DROP_DEFAULT, SET_NOT_NULL, DROP_NOT_NULL
    }

    /** ALTER TABLE IF EXISTS of a table that does not exist: nothing to do. */
    public static AlterColumnPlan nothing(String schema, String table) {
        return new AlterColumnPlan(schema, table, null, null, null, null);
    }

    public boolean isNothing() {
        return column == null;
    }
}
