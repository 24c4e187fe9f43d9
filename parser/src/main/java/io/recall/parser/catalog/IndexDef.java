package io.recall.parser.catalog;

import java.util.List;

/**
 * An ordered secondary index as the catalog holds it: its table (in the same schema), the indexed
 * column names in key order with their direction, whether it enforces uniqueness, and the storage
 * name the engine assigns (null until then). UNIQUE constraints of CREATE TABLE are unique indexes.
 */
public record IndexDef(String schema, String name, String table, List<String> columns, List<Boolean> descending,
                       boolean unique, String storageName) {
    public IndexDef {
        columns = List.copyOf(columns);
        descending = List.copyOf(descending);
        if (columns.isEmpty() || columns.size() != descending.size()) {
            throw new IllegalArgumentException("An index needs one direction per column");
        }
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public IndexDef withStorageName(String storage) {
        return new IndexDef(schema, name, table, columns, descending, unique, storage);
    }

    public IndexDef withName(String newName) {
        return new IndexDef(schema, newName, table, columns, descending, unique, storageName);
    }
}
