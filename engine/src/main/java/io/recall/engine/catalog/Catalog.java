package io.recall.engine.catalog;

import io.recall.engine.storage.CatalogStore;
import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.sql.Names;
import io.recall.parser.sql.TableDefText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live catalog: schemas and table definitions, read lock-free from an immutable snapshot
 * and changed by DDL one change at a time. Every change is written to the {@link CatalogStore}
 * first, so the stored catalog and the live one never disagree, and bumps the version that
 * invalidates prepared plans.
 */
public final class Catalog implements CatalogView {
    private static final String SCHEMA_PREFIX = "schema:";
    private static final String TABLE_PREFIX = "table:";

    private record Snapshot(long version, Map<String, Map<String, TableDef>> schemas) {
    }

    private final CatalogStore store;
    private volatile Snapshot snapshot;

    public Catalog(CatalogStore store) {
        this.store = store;
        Map<String, Map<String, TableDef>> schemas = new TreeMap<>();
        schemas.put(Names.DEFAULT_SCHEMA, new TreeMap<>());
        for (Map.Entry<String, String> e : store.entries().entrySet()) {
            if (e.getKey().startsWith(SCHEMA_PREFIX)) {
                schemas.putIfAbsent(e.getKey().substring(SCHEMA_PREFIX.length()), new TreeMap<>());
            }
        }
        for (Map.Entry<String, String> e : store.entries().entrySet()) {
            if (e.getKey().startsWith(TABLE_PREFIX)) {
                TableDef t = TableDefText.decode(e.getValue());
                schemas.computeIfAbsent(t.schema(), s -> new TreeMap<>()).put(t.name(), t);
            }
        }
        this.snapshot = new Snapshot(1, freeze(schemas));
    }

    @Override
    public TableDef table(String schema, String name) {
        Map<String, TableDef> tables = snapshot.schemas().get(schema);
        return tables == null ? null : tables.get(name);
    }

    @Override
    public boolean schemaExists(String schema) {
        return snapshot.schemas().containsKey(schema);
    }

    @Override
    public long version() {
        return snapshot.version();
    }

    public List<String> schemas() {
        return new ArrayList<>(snapshot.schemas().keySet());
    }

    public List<TableDef> tables() {
        List<TableDef> all = new ArrayList<>();
        for (Map<String, TableDef> tables : snapshot.schemas().values()) {
            all.addAll(tables.values());
        }
        return all;
    }

    public List<TableDef> tables(String schema) {
        Map<String, TableDef> tables = snapshot.schemas().get(schema);
        return tables == null ? List.of() : new ArrayList<>(tables.values());
    }

    public synchronized void createSchema(String schema) {
        if (schemaExists(schema)) {
            throw new RecallException(ErrorCode.SCHEMA_EXISTS, "Schema " + schema + " already exists");
        }
        store.put(SCHEMA_PREFIX + schema, "");
        Map<String, Map<String, TableDef>> next = mutableCopy();
        next.put(schema, new TreeMap<>());
        publish(next);
    }

    public synchronized void dropSchema(String schema) {
        if (Names.DEFAULT_SCHEMA.equals(schema)) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Schema " + schema + " cannot be dropped");
        }
        if (!tables(schema).isEmpty()) {
            throw new RecallException(ErrorCode.SCHEMA_NOT_EMPTY, "Schema " + schema + " is not empty");
        }
        store.remove(SCHEMA_PREFIX + schema);
        Map<String, Map<String, TableDef>> next = mutableCopy();
        next.remove(schema);
        publish(next);
    }

    public synchronized void addTable(TableDef table) {
        if (!schemaExists(table.schema())) {
            throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + table.schema() + " not found");
        }
        if (table(table.schema(), table.name()) != null) {
            throw new RecallException(ErrorCode.TABLE_EXISTS, "Table " + table.qualifiedName() + " already exists");
        }
        store.put(TABLE_PREFIX + table.qualifiedName(), TableDefText.encode(table));
        Map<String, Map<String, TableDef>> next = mutableCopy();
        next.get(table.schema()).put(table.name(), table);
        publish(next);
    }

    public synchronized void removeTable(TableDef table) {
        store.remove(TABLE_PREFIX + table.qualifiedName());
        Map<String, Map<String, TableDef>> next = mutableCopy();
        next.get(table.schema()).remove(table.name());
        publish(next);
    }

    private Map<String, Map<String, TableDef>> mutableCopy() {
        Map<String, Map<String, TableDef>> copy = new TreeMap<>();
        snapshot.schemas().forEach((s, tables) -> copy.put(s, new TreeMap<>(tables)));
        return copy;
    }

    private void publish(Map<String, Map<String, TableDef>> schemas) {
        snapshot = new Snapshot(snapshot.version() + 1, freeze(schemas));
    }

    private static Map<String, Map<String, TableDef>> freeze(Map<String, Map<String, TableDef>> schemas) {
        Map<String, Map<String, TableDef>> frozen = new TreeMap<>();
        schemas.forEach((s, tables) -> frozen.put(s, Collections.unmodifiableMap(new TreeMap<>(tables))));
        return Collections.unmodifiableMap(frozen);
    }

    /** All schema names, sorted, for metadata. */
    public java.util.SortedSet<String> schemaNames() {
        return new TreeSet<>(snapshot.schemas().keySet());
    }
}
