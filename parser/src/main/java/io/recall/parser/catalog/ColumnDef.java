package io.recall.parser.catalog;

import io.recall.parser.expr.Expr;
import io.recall.parser.types.ColumnType;

/**
 * One column of a table. {@code defaultSql} is the DEFAULT clause as written (kept so the
 * catalog can be stored as text); {@code defaultValue} is its bound form, or null. A column added
 * by ALTER TABLE has a {@code missingValue}: what it holds in the rows stored before it existed
 * (its DEFAULT at the time, or NULL), which are not rewritten; {@code missingSql} is that value
 * as SQL, for the stored catalog, and null for a column the table was created with.
 */
public record ColumnDef(String name, ColumnType type, boolean notNull, String defaultSql, Expr defaultValue,
                        Identity identity, String missingSql, Object missingValue) {
    public ColumnDef(String name, ColumnType type, boolean notNull, String defaultSql, Expr defaultValue,
                     Identity identity) {
        this(name, type, notNull, defaultSql, defaultValue, identity, null, null);
    }

    public boolean isIdentity() {
        return identity != Identity.NONE;
    }

    /** True for a column added after the table was created: older rows are shorter than it. */
    public boolean isAdded() {
        return missingSql != null;
    }

    /** The same column with another DEFAULT and NOT NULL; what older rows hold stays. */
    public ColumnDef with(boolean notNull, String defaultSql, Expr defaultValue) {
        return new ColumnDef(name, type, notNull, defaultSql, defaultValue, identity, missingSql, missingValue);
    }
}
