package io.recall.engine.catalog;

import io.recall.engine.storage.CatalogStore;
import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.FunctionDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.sql.IndexDefText;
import io.recall.parser.sql.Names;
import io.recall.parser.sql.TableDefText;
import io.recall.parser.sql.ViewDefText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The live catalog: schemas with their tables, views and indexes, read lock-free from an immutable
 * snapshot and changed by DDL one change at a time. A name belongs to at most one table or view
 * of a schema. Every change is written to the {@link CatalogStore} first, so the stored catalog
 * and the live one never disagree, and bumps the version that invalidates prepared plans.
 */
public final class Catalog implements CatalogView {
    private static final String SCHEMA_PREFIX = "schema:";
    /** Stored-catalog keys of tables and indexes (a backup reads the entries raw). */
    public static final String TABLE_PREFIX = "table:";
    private static final String VIEW_PREFIX = "view:";
    public static final String INDEX_PREFIX = "index:";
    /** {@code function:<NAME>} holds {@code package.Class.method}. */
    private static final String FUNCTION_PREFIX = "function:";

    private record Snapshot(long version, Map<String, SchemaObjects> schemas, Map<String, FunctionDef> functions) {
    }

    /** Which tables reference which (by the parent's qualified name), computed once per catalog version. */
    private record References(long version, Map<String, List<TableDef>> byParent) {
    }

    private final CatalogStore store;
    private volatile Snapshot snapshot;
    private volatile References references = new References(0, Map.of());

    public Catalog(CatalogStore store) {
        this.store = store;
        this.snapshot = new Snapshot(1, load(store), loadFunctions(store));
    }

    /** Reads the stored catalog again (after a restore wrote it) and publishes it as a new version. */
    public synchronized void reload() {
        snapshot = new Snapshot(snapshot.version() + 1, load(store), loadFunctions(store));
    }

    private static Map<String, FunctionDef> loadFunctions(CatalogStore store) {
        Map<String, FunctionDef> functions = new TreeMap<>();
        for (Map.Entry<String, String> e : store.entries().entrySet()) {
            if (e.getKey().startsWith(FUNCTION_PREFIX)) {
                String name = e.getKey().substring(FUNCTION_PREFIX.length());
                String target = e.getValue();
                int dot = target.lastIndexOf('.');
                functions.put(name, new FunctionDef(name, target.substring(0, dot), target.substring(dot + 1)));
            }
        }
        return Collections.unmodifiableMap(functions);
    }

    @Override
    public FunctionDef function(String name) {
        return snapshot.functions().get(name);
    }

    public List<FunctionDef> functions() {
        return List.copyOf(snapshot.functions().values());
    }

    /** Registers the function; 42723 when one of that name exists, unless {@code replace}. */
    public synchronized void putFunction(FunctionDef function, boolean replace) {
        if (!replace && function(function.name()) != null) {
            throw new RecallException(ErrorCode.DUPLICATE_FUNCTION, "Function " + function.name() + " already exists");
        }
        store.put(FUNCTION_PREFIX + function.name(), function.target());
        Map<String, FunctionDef> next = new TreeMap<>(snapshot.functions());
        next.put(function.name(), function);
        snapshot = new Snapshot(snapshot.version() + 1, snapshot.schemas(), Collections.unmodifiableMap(next));
    }

    public synchronized void removeFunction(String name) {
        store.remove(FUNCTION_PREFIX + name);
        Map<String, FunctionDef> next = new TreeMap<>(snapshot.functions());
        next.remove(name);
        snapshot = new Snapshot(snapshot.version() + 1, snapshot.schemas(), Collections.unmodifiableMap(next));
    }

    private static Map<String, SchemaObjects> load(CatalogStore store) {
        Map<String, SchemaObjects> schemas = new TreeMap<>();
        schemas.put(Names.DEFAULT_SCHEMA, SchemaObjects.EMPTY);
        Map<String, String> entries = store.entries();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().startsWith(SCHEMA_PREFIX)) {
                schemas.putIfAbsent(e.getKey().substring(SCHEMA_PREFIX.length()), SchemaObjects.EMPTY);
            }
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().startsWith(TABLE_PREFIX)) {
                TableDef t = TableDefText.decode(e.getValue());
                schemas.merge(t.schema(), SchemaObjects.EMPTY.withTable(t), (old, ignored) -> old.withTable(t));
            } else if (e.getKey().startsWith(VIEW_PREFIX)) {
                ViewDef v = ViewDefText.decode(e.getValue());
                schemas.merge(v.schema(), SchemaObjects.EMPTY.withView(v), (old, ignored) -> old.withView(v));
            }
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().startsWith(INDEX_PREFIX)) {
                IndexDef ix = IndexDefText.decode(e.getValue());
                schemas.merge(ix.schema(), SchemaObjects.EMPTY.withIndex(ix), (old, ignored) -> old.withIndex(ix));
            }
        }
        return Collections.unmodifiableMap(schemas);
    }

    /** True when the catalog holds nothing but the empty default schema: a restore's target. */
    public boolean isEmpty() {
        Map<String, SchemaObjects> schemas = snapshot.schemas();
        return schemas.size() == 1 && schemas.get(Names.DEFAULT_SCHEMA) != null
                && schemas.get(Names.DEFAULT_SCHEMA).isEmpty() && snapshot.functions().isEmpty();
    }

    @Override
    public TableDef table(String schema, String name) {
        SchemaObjects objects = snapshot.schemas().get(schema);
        return objects == null ? null : objects.tables().get(name);
    }

    /** The table, or {@code 42P01} naming it. */
    public TableDef requireTable(String schema, String name) {
        TableDef table = table(schema, name);
        if (table == null) {
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + schema + "." + name + " not found");
        }
        return table;
    }

    @Override
    public ViewDef view(String schema, String name) {
        SchemaObjects objects = snapshot.schemas().get(schema);
        return objects == null ? null : objects.views().get(name);
    }

    /** The index of that name in the schema, or null. */
    public IndexDef index(String schema, String name) {
        SchemaObjects objects = snapshot.schemas().get(schema);
        return objects == null ? null : objects.indexes().get(name);
    }

    @Override
    public boolean indexExists(String schema, String name) {
        return index(schema, name) != null;
    }

    /** The indexes of a table, by name. */
    @Override
    public List<IndexDef> indexes(TableDef table) {
        SchemaObjects objects = snapshot.schemas().get(table.schema());
        List<IndexDef> out = new ArrayList<>();
        if (objects != null) {
            for (IndexDef ix : objects.indexes().values()) {
                if (ix.table().equals(table.name())) {
                    out.add(ix);
                }
            }
        }
        return out;
    }

    /**
     * The tables with a foreign key referencing {@code parent} (the table itself included when it
     * references itself), as of the current catalog version.
     */
    public List<TableDef> referencing(TableDef parent) {
        Snapshot current = snapshot;
        References refs = references;
        if (refs.version() != current.version()) {
            Map<String, List<TableDef>> byParent = new java.util.HashMap<>();
            for (SchemaObjects objects : current.schemas().values()) {
                for (TableDef t : objects.tables().values()) {
                    for (io.recall.parser.catalog.ForeignKeyDef fk : t.foreignKeys()) {
                        List<TableDef> children = byParent.computeIfAbsent(fk.parentQualifiedName(), k -> new ArrayList<>());
                        if (!children.contains(t)) {
                            children.add(t);
                        }
                    }
                }
            }
            refs = new References(current.version(), byParent);
            references = refs;
        }
        return refs.byParent().getOrDefault(parent.qualifiedName(), List.of());
    }

    /**
     * Replaces the table {@code from} by {@code to} (renamed, or moved to a new storage by a rewrite), removes
     * its indexes {@code dropped}, puts {@code indexes} (new ones, or changed ones by their unchanged names) and
     * the changed tables {@code referencing} it, all published as one catalog version, so no statement ever
     * sees the table half changed.
     */
    public synchronized void replace(TableDef from, TableDef to, List<IndexDef> dropped, List<IndexDef> indexes,
                                     List<TableDef> referencing) {
        List<String> removed = new ArrayList<>();
        for (IndexDef ix : dropped) {
            removed.add(INDEX_PREFIX + ix.qualifiedName());
        }
        removed.add(TABLE_PREFIX + from.qualifiedName());
        Map<String, String> put = new java.util.LinkedHashMap<>();
        put.put(TABLE_PREFIX + to.qualifiedName(), TableDefText.encode(to));
        for (IndexDef ix : indexes) {
            put.put(INDEX_PREFIX + ix.qualifiedName(), IndexDefText.encode(ix));
        }
        for (TableDef t : referencing) {
            put.put(TABLE_PREFIX + t.qualifiedName(), TableDefText.encode(t));
        }
        store.write(removed, put);
        Map<String, SchemaObjects> next = new TreeMap<>(snapshot.schemas());
        SchemaObjects objects = next.get(from.schema()).withoutTable(from.name()).withTable(to);
        for (IndexDef ix : dropped) {
            objects = objects.withoutIndex(ix.name());
        }
        for (IndexDef ix : indexes) {
            objects = objects.withoutIndex(ix.name()).withIndex(ix);
        }
        next.put(from.schema(), objects);
        for (TableDef t : referencing) {
            next.put(t.schema(), next.get(t.schema()).withTable(t));
        }
        publish(next);
    }

    /** Replaces a table's definition (same storage), e.g. without a foreign key whose parent is dropped. */
    public synchronized void replaceTable(TableDef table) {
        store.put(TABLE_PREFIX + table.qualifiedName(), TableDefText.encode(table));
        change(table.schema(), objects -> objects.withTable(table));
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
        for (SchemaObjects objects : snapshot.schemas().values()) {
            all.addAll(objects.tables().values());
        }
        return all;
    }

    public List<TableDef> tables(String schema) {
        SchemaObjects objects = snapshot.schemas().get(schema);
        return objects == null ? List.of() : new ArrayList<>(objects.tables().values());
    }

    public List<ViewDef> views() {
        List<ViewDef> all = new ArrayList<>();
        for (SchemaObjects objects : snapshot.schemas().values()) {
            all.addAll(objects.views().values());
        }
        return all;
    }

    public List<ViewDef> views(String schema) {
        SchemaObjects objects = snapshot.schemas().get(schema);
        return objects == null ? List.of() : new ArrayList<>(objects.views().values());
    }

    public synchronized void createSchema(String schema) {
        if (schemaExists(schema)) {
            throw new RecallException(ErrorCode.SCHEMA_EXISTS, "Schema " + schema + " already exists");
        }
        store.put(SCHEMA_PREFIX + schema, "");
        Map<String, SchemaObjects> next = new TreeMap<>(snapshot.schemas());
        next.put(schema, SchemaObjects.EMPTY);
        publish(next);
    }

    public synchronized void dropSchema(String schema) {
        if (Names.DEFAULT_SCHEMA.equals(schema)) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Schema " + schema + " cannot be dropped");
        }
        SchemaObjects objects = snapshot.schemas().get(schema);
        if (objects != null && !objects.isEmpty()) {
            throw new RecallException(ErrorCode.SCHEMA_NOT_EMPTY, "Schema " + schema + " is not empty");
        }
        store.remove(SCHEMA_PREFIX + schema);
        Map<String, SchemaObjects> next = new TreeMap<>(snapshot.schemas());
        next.remove(schema);
        publish(next);
    }

    public synchronized void addTable(TableDef table) {
        requireSchema(table.schema());
        if (table(table.schema(), table.name()) != null) {
            throw new RecallException(ErrorCode.TABLE_EXISTS, "Table " + table.qualifiedName() + " already exists");
        }
        if (view(table.schema(), table.name()) != null) {
            throw new RecallException(ErrorCode.TABLE_EXISTS, "View " + table.qualifiedName() + " already exists");
        }
        store.put(TABLE_PREFIX + table.qualifiedName(), TableDefText.encode(table));
        change(table.schema(), objects -> objects.withTable(table));
    }

    /** Removes the table and its indexes. */
    public synchronized void removeTable(TableDef table) {
        List<String> removed = new ArrayList<>();
        for (IndexDef ix : indexes(table)) {
            removed.add(INDEX_PREFIX + ix.qualifiedName());
        }
        removed.add(TABLE_PREFIX + table.qualifiedName());
        store.write(removed, Map.of());
        change(table.schema(), objects -> objects.withoutTable(table.name()));
    }

    /** Adds the view, or replaces the view of that name when {@code replace} is set. */
    public synchronized void putView(ViewDef view, boolean replace) {
        requireSchema(view.schema());
        if (table(view.schema(), view.name()) != null) {
            throw replace
                    ? new RecallException(ErrorCode.WRONG_OBJECT_TYPE, view.qualifiedName() + " is a table, not a view")
                    : new RecallException(ErrorCode.TABLE_EXISTS, "Table " + view.qualifiedName() + " already exists");
        }
        if (!replace && view(view.schema(), view.name()) != null) {
            throw new RecallException(ErrorCode.TABLE_EXISTS, "View " + view.qualifiedName() + " already exists");
        }
        store.put(VIEW_PREFIX + view.qualifiedName(), ViewDefText.encode(view));
        change(view.schema(), objects -> objects.withView(view));
    }

    public synchronized void removeView(ViewDef view) {
        store.remove(VIEW_PREFIX + view.qualifiedName());
        change(view.schema(), objects -> objects.withoutView(view.name()));
    }

    public synchronized void addIndex(IndexDef index) {
        requireSchema(index.schema());
        if (index(index.schema(), index.name()) != null) {
            throw new RecallException(ErrorCode.INDEX_EXISTS, "Index " + index.qualifiedName() + " already exists");
        }
        if (table(index.schema(), index.table()) == null) {
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table " + index.schema() + "." + index.table()
                    + " not found");
        }
        store.put(INDEX_PREFIX + index.qualifiedName(), IndexDefText.encode(index));
        change(index.schema(), objects -> objects.withIndex(index));
    }

    public synchronized void removeIndex(IndexDef index) {
        store.remove(INDEX_PREFIX + index.qualifiedName());
        change(index.schema(), objects -> objects.withoutIndex(index.name()));
    }

    private void requireSchema(String schema) {
        if (!schemaExists(schema)) {
            throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + schema + " not found");
        }
    }

    private void change(String schema, UnaryOperator<SchemaObjects> change) {
        Map<String, SchemaObjects> next = new TreeMap<>(snapshot.schemas());
        next.put(schema, change.apply(next.get(schema)));
        publish(next);
    }

    private void publish(Map<String, SchemaObjects> schemas) {
        snapshot = new Snapshot(snapshot.version() + 1, Collections.unmodifiableMap(schemas), snapshot.functions());
    }

    /** All schema names, sorted, for metadata. */
    public SortedSet<String> schemaNames() {
        return new TreeSet<>(snapshot.schemas().keySet());
    }
}
