package io.recall.parser.catalog;

import io.recall.parser.expr.Expr;
import io.recall.parser.types.ColumnType;

/**
 * One column of a table. {@code defaultSql} is the DEFAULT clause as written (kept so the
 * catalog can be stored as text); {@code defaultValue} is its bound form, or null.
 */
public record ColumnDef(String name, ColumnType type, boolean notNull, String defaultSql, Expr defaultValue,
                        Identity identity) {
    public boolean isIdentity() {
        return identity != Identity.NONE;
    }
}
