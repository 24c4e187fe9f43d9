package io.recall.parser.catalog;

import java.util.List;

/**
 * A view as the catalog holds it: the text of its query exactly as written after AS, and the
 * names of its columns (the explicit column list, or the query's output labels at creation).
 * Unqualified table names in {@code sql} are resolved in the view's own schema, whichever schema
 * the session that uses the view is in.
 */
public record ViewDef(String schema, String name, String sql, List<String> columnNames) {
    public ViewDef {
        columnNames = List.copyOf(columnNames);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
