package io.recall.parser.catalog;

import java.util.List;
import java.util.function.BiFunction;

/**
 * What the binder needs to know about the database: which schemas, tables and views exist. The engine's
 * catalog implements it; the parser never sees how it is stored.
 */
public interface CatalogView {
    /** The table, or null. Names are exact (already case-normalised by the binder). */
    TableDef table(String schema, String name);

    /** The view, or null. A name belongs to at most one table or view in a schema. */
    ViewDef view(String schema, String name);

    boolean schemaExists(String schema);

    /** True when the schema has an index of that name (index names are unique per schema). */
    default boolean indexExists(String schema, String name) {
        return false;
    }

    /** The indexes of a table (UNIQUE constraints among them). */
    default List<IndexDef> indexes(TableDef table) {
        return List.of();
    }

    /** The Java function of that (normalised) name, or null. */
    default FunctionDef function(String name) {
        return null;
    }

    /** Incremented by every DDL; a prepared plan built at an older version is bound again. */
    long version();

    /**
     * A catalog with the tables {@code tables} gives (null: no such table), no views, every schema, at version 0:
     * for binding a stored definition outside a live catalog.
     */
    static CatalogView withTables(BiFunction<String, String, TableDef> tables) {
        return new CatalogView() {
            @Override
            public TableDef table(String schema, String name) {
                return tables.apply(schema, name);
            }

            @Override
            public ViewDef view(String schema, String name) {
                return null;
            }

            @Override
            public boolean schemaExists(String schema) {
                return true;
            }

            @Override
            public long version() {
                return 0;
            }
        };
    }
}
