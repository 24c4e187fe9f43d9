package io.recall.parser.sql;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;

/**
 * The names an expression can see: the columns of the one table in FROM (under its name or
 * alias), or nothing for {@code SELECT} without FROM and for DEFAULT clauses.
 */
final class Scope {
    static final Scope EMPTY = new Scope(null, null);

    private final TableDef table;
    private final String alias;

    Scope(TableDef table, String alias) {
        this.table = table;
        this.alias = alias;
    }

    TableDef table() {
        return table;
    }

    /** Resolves {@code [qualifier.]name} (both already normalised); null if no such column. */
    ColumnRef resolve(String qualifier, String name) {
        if (table == null) {
            return null;
        }
        if (qualifier != null && !qualifier.equals(alias != null ? alias : table.name())
                && !qualifier.equals(table.qualifiedName())) {
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND,
                    "Table or alias " + qualifier + " is not in the FROM clause");
        }
        int i = table.columnIndex(name);
        if (i < 0) {
            return null;
        }
        return new ColumnRef(i, name, table.column(i).type());
    }
}
