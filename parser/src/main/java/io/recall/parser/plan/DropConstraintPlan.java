package io.recall.parser.plan;

/**
 * ALTER TABLE [IF EXISTS] t DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]: a CHECK, FOREIGN KEY or
 * UNIQUE constraint of the table; CASCADE also drops the foreign keys that rely on a dropped UNIQUE constraint.
 */
public record DropConstraintPlan(String schema, String table, boolean ifTableExists, String name, boolean ifExists,
                                 boolean cascade) implements AlterTablePlan {
}
