package io.recall.engine.catalog;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The tables and views of one schema, immutable; each change returns a new value. */
record SchemaObjects(Map<String, TableDef> tables, Map<String, ViewDef> views) {
    static final SchemaObjects EMPTY = new SchemaObjects(Map.of(), Map.of());

    SchemaObjects {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        views = Collections.unmodifiableMap(new TreeMap<>(views));
    }

    boolean isEmpty() {
        return tables.isEmpty() && views.isEmpty();
    }

    SchemaObjects withTable(TableDef table) {
        Map<String, TableDef> next = new TreeMap<>(tables);
        next.put(table.name(), table);
        return new SchemaObjects(next, views);
    }

    SchemaObjects withoutTable(String name) {
        Map<String, TableDef> next = new TreeMap<>(tables);
        next.remove(name);
        return new SchemaObjects(next, views);
    }

    SchemaObjects withView(ViewDef view) {
        Map<String, ViewDef> next = new TreeMap<>(views);
        next.put(view.name(), view);
        return new SchemaObjects(tables, next);
    }

    SchemaObjects withoutView(String name) {
        Map<String, ViewDef> next = new TreeMap<>(views);
        next.remove(name);
        return new SchemaObjects(tables, next);
    }
}
