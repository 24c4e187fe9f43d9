package io.recall.parser.catalog;

import io.recall.parser.expr.Expr;

/**
 * A CHECK constraint of a table: its name, the condition's SQL text as stored in the catalog, and
 * the condition compiled once over the table's row (positions are column indexes). A row violates
 * it when the condition is FALSE; TRUE and NULL (unknown) pass, as in SQL.
 */
public record CheckDef(String name, String sql, Expr condition) {
}
