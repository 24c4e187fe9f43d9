package io.recall.engine.catalog;

import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The tables, views and indexes of one schema, immutable; each change returns a new value. */
record SchemaObjects(Map<String, TableDef> tables, Map<String, ViewDef> views, Map<String, IndexDef> indexes) {
    static final SchemaObjects EMPTY = new SchemaObjects(Map.of(), Map.of(), Map.of());

    SchemaObjects {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        views = Collections.unmodifiableMap(new TreeMap<>(views));
        indexes = Collections.unmodifiableMap(new TreeMap<>(indexes));
    }

    /** Indexes belong to their tables, so a schema with only indexes cannot exist. */
    boolean isEmpty() {
        return tables.isEmpty() && views.isEmpty();
    }

    SchemaObjects withTable(TableDef table) {
        Map<String, TableDef> next = new TreeMap<>(tables);
        next.put(table.name(), table);
        return new SchemaObjects(next, views, indexes);
    }

    /** Removes the table and its indexes. */
    SchemaObjects withoutTable(String name) {
        Map<String, TableDef> next = new TreeMap<>(tables);
        next.remove(name);
        Map<String, IndexDef> nextIndexes = new TreeMap<>(indexes);
        nextIndexes.values().removeIf(ix -> ix.table().equals(name));
        return new SchemaObjects(next, views, nextIndexes);
    }

    SchemaObjects withView(ViewDef view) {
        Map<String, ViewDef> next = new TreeMap<>(views);
        next.put(view.name(), view);
        return new SchemaObjects(tables, next, indexes);
    }

    SchemaObjects withoutView(String name) {
        Map<String, ViewDef> next = new TreeMap<>(views);
        next.remove(name);
        return new SchemaObjects(tables, next, indexes);
    }

    SchemaObjects withIndex(IndexDef index) {
        Map<String, IndexDef> next = new TreeMap<>(indexes);
        next.put(index.name(), index);
        return new SchemaObjects(tables, views, next);
    }

    SchemaObjects withoutIndex(String name) {
        Map<String, IndexDef> next = new TreeMap<>(indexes);
        next.remove(name);
        return new SchemaObjects(tables, views, next);
    }
}
