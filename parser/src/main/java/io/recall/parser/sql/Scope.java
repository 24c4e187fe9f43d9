package io.recall.parser.sql;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.OuterRef;
import io.recall.parser.types.ColumnType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names an expression can see: the columns of the FROM clause of its query, laid out one
 * input after another in a wide row, then the scopes of the enclosing queries (a name found there
 * becomes an {@link OuterRef} and marks the queries in between as correlated).
 */
class Scope {
    /** One input of the FROM clause: its qualifier, columns and position in the wide row. */
    record Entry(String qualifier, String schema, String table, TableDef def, String[] names, ColumnType[] types,
                 boolean[] nullable, int offset) {
        boolean matches(String qualifierSchema, String name) {
            if (!name.equals(qualifier)) {
                return false;
            }
            return qualifierSchema == null || def != null && qualifier.equals(def.name())
                    && qualifierSchema.equals(schema);
        }

        int indexOf(String column) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(column)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Whether a query reads its enclosing queries' rows, shared by the scopes of one query. */
    static final class Level {
        boolean correlated;
    }

    private final Scope parent;
    final Level level;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Expr> merged = new LinkedHashMap<>();
    private final Set<Integer> hidden = new HashSet<>();
    private int width;

    Scope(Scope parent) {
        this(parent, new Level());
    }

    Scope(Scope parent, Level level) {
        this.parent = parent;
        this.level = level;
    }

    /** A scope over one table alone (UPDATE, DELETE, CHECK), with no enclosing query. */
    static Scope ofTable(TableDef table, String alias) {
        Scope s = new Scope(null);
        s.addTable(table, alias);
        return s;
    }

    Scope parent() {
        return parent;
    }

    int width() {
        return width;
    }

    List<Entry> entries() {
        return entries;
    }

    Entry addTable(TableDef table, String alias) {
        String[] names = new String[table.columnCount()];
        ColumnType[] types = new ColumnType[names.length];
        boolean[] nullable = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = table.column(i).name();
            types[i] = table.column(i).type();
            nullable[i] = !table.column(i).notNull();
        }
        return add(new Entry(alias != null ? alias : table.name(), table.schema(), table.name(), table, names, types,
                nullable, width));
    }

    Entry addDerived(String alias, String[] names, ColumnType[] types) {
        boolean[] nullable = new boolean[names.length];
        java.util.Arrays.fill(nullable, true);
        return add(new Entry(alias, "", "", null, names, types, nullable, width));
    }

    private Entry add(Entry e) {
        for (Entry other : entries) {
            if (e.qualifier() != null && e.qualifier().equals(other.qualifier())
                    && (e.def() == null || other.def() == null || e.schema().equals(other.schema()))) {
                throw new RecallException(ErrorCode.DUPLICATE_ALIAS,
                        "Table name " + e.qualifier() + " is specified more than once in FROM");
            }
        }
        entries.add(e);
        width += e.names().length;
        return e;
    }

    /** A USING or NATURAL join column: the unqualified name now means {@code value}, shown once by *. */
    void merge(String name, Expr value, int leftIndex, int rightIndex) {
        merged.put(name, value);
        hidden.add(leftIndex);
        hidden.add(rightIndex);
    }

    Map<String, Expr> mergedColumns() {
        return merged;
    }

    boolean isHidden(int index) {
        return hidden.contains(index);
    }

    /**
     * Resolves {@code [schema.][qualifier.]name} (already normalised) here or in an enclosing
     * query; null when no scope has such a column.
     */
    final Expr resolve(String schema, String qualifier, String name) {
        int depth = 0;
        boolean qualifierSeen = false;
        for (Scope s = this; s != null; s = s.parent, depth++) {
            if (qualifier != null && s.hasQualifier(schema, qualifier)) {
                qualifierSeen = true;
            }
            Expr local = s.resolveLocal(schema, qualifier, name);
            if (local != null) {
                if (depth == 0) {
                    return local;
                }
                for (Scope t = this; t != s; t = t.parent) {
                    t.level.correlated = true;
                }
                return outer(depth, local, name);
            }
            if (qualifierSeen) {
                return null;
            }
        }
        if (qualifier != null) {
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND,
                    "Table or alias " + (schema == null ? "" : schema + ".") + qualifier + " is not in the FROM clause");
        }
        return null;
    }

    private static Expr outer(int depth, Expr local, String name) {
        if (local instanceof ColumnRef ref) {
            return new OuterRef(depth, ref.index(), name, ref.type());
        }
        throw RecallException.notSupported("A correlated reference to the joined column " + name);
    }

    boolean hasQualifier(String schema, String qualifier) {
        for (Entry e : entries) {
            if (e.matches(schema, qualifier)) {
                return true;
            }
        }
        return false;
    }

    /** A column of this query's FROM clause, or null. */
    Expr resolveLocal(String schema, String qualifier, String name) {
        if (qualifier == null && merged.containsKey(name)) {
            return merged.get(name);
        }
        ColumnRef found = null;
        for (Entry e : entries) {
            if (qualifier != null && !e.matches(schema, qualifier)) {
                continue;
            }
            int i = e.indexOf(name);
            if (i < 0) {
                continue;
            }
            if (found != null) {
                throw new RecallException(ErrorCode.AMBIGUOUS_COLUMN, "Column reference " + name + " is ambiguous");
            }
            found = new ColumnRef(e.offset() + i, name, e.types()[i]);
        }
        return found;
    }

    /** The FROM entry that holds wide-row position {@code index}, or null. */
    Entry entryAt(int index) {
        for (Entry e : entries) {
            if (index >= e.offset() && index < e.offset() + e.names().length) {
                return e;
            }
        }
        return null;
    }
}
