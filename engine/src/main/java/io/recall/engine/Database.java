package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.engine.exec.KeyOrder;
import io.recall.engine.exec.Tables;
import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.Replication;
import io.recall.engine.storage.Store;
import io.recall.engine.storage.RowShape;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.InformationSchema;
import io.recall.parser.catalog.TableDef;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open database: its store, its live catalog, the commit gate shared by all its sessions,
 * and the table stores by storage name. Sessions are the only way in.
 */
public final class Database {
    private final Store store;
    private final DatabaseSettings settings;
    private final Catalog catalog;
    private final CommitGate gate = new CommitGate();
    /** Earlier row versions for REPEATABLE READ snapshots on this node. */
    private final io.recall.engine.exec.RowHistory history = new io.recall.engine.exec.RowHistory();
    private final NewConstraints newConstraints = new NewConstraints();
    private final Map<String, TableStore> tables = new ConcurrentHashMap<>();
    private final Tables tableAccess = new Tables() {
        @Override
        public TableDef table(String schema, String name) {
            return catalog.table(schema, name);
        }

        @Override
        public TableStore store(TableDef table) {
            return tableStore(table);
        }

        @Override
        public List<TableDef> referencing(TableDef parent) {
            return catalog.referencing(parent);
        }
    };

    /** Follows other nodes' schema changes; null on a single node. */
    private final ReplicaFollower follower;

    private Database(Store store, DatabaseSettings settings) {
        this.store = store;
        this.settings = settings;
        this.catalog = new Catalog(store.catalog());
        Replication replication = store.replication();
        this.follower = replication == null ? null : new ReplicaFollower(this, replication);
    }

    public static Database open(Store store, DatabaseSettings settings) {
        Database database = new Database(store, settings);
        if (database.follower != null) {
            database.follower.start();
        }
        return database;
    }

    /** Reads a backup ({@code BACKUP TO}) into this database, which must be empty (URL property restore_from). */
    public void restoreFrom(java.nio.file.Path file) {
        synchronized (catalog) {
            new Backup(this).restore(file);
        }
    }

    public Session openSession(String user) {
        return new Session(this, user);
    }

    public String name() {
        return settings.name();
    }

    public void close() {
        try {
            if (follower != null) {
                follower.stop();
            }
        } finally {
            store.close();
        }
    }

    /** The cluster follower; null on a single node. */
    ReplicaFollower follower() {
        return follower;
    }

    /** Reads the catalog again if another node changed it; a no-op on a single node. */
    void catchUp() {
        if (follower != null) {
            follower.catchUp();
        }
    }

    DatabaseSettings settings() {
        return settings;
    }

    Catalog catalog() {
        return catalog;
    }

    /** The tables as writers reach them through foreign keys. */
    Tables tables() {
        return tableAccess;
    }

    CommitGate gate() {
        return gate;
    }

    io.recall.engine.exec.RowHistory history() {
        return history;
    }

    /** The constraints added to tables with rows, for refusing commits that bypassed them. */
    NewConstraints newConstraints() {
        return newConstraints;
    }

    Store store() {
        return store;
    }

    /**
     * The table's store; opened on first use, with its ordered indexes (and an {@code ordered_set} table's key
     * order) rebuilt from the rows.
     */
    TableStore tableStore(TableDef table) {
        if (InformationSchema.isSystem(table)) {
            return tables.computeIfAbsent(table.storageName(), name -> new InformationSchemaStore(table, this));
        }
        return tables.computeIfAbsent(table.storageName(), name -> {
            TableStore ts = store.openTable(name, table.options());
            ts.setRowShape(shapeOf(table));
            KeyOrder.keep(table, ts);
            for (IndexDef index : catalog.indexes(table)) {
                ts.addIndex(IndexBuilder.layout(table, index));
            }
            return ts;
        });
    }

    /** How the table's stored rows are padded; null when it never gained a column. */
    static RowShape shapeOf(TableDef table) {
        Object[] missing = table.missingValues();
        return missing == null ? null : new RowShape(table.columnCount(), missing);
    }

    /** Creates the store of a new table (its storage name and options set), keeping its key order if it is ordered. */
    TableStore createTableStore(TableDef table) {
        TableStore ts = store.createTable(table.storageName(), table.options());
        KeyOrder.keep(table, ts);
        tables.put(table.storageName(), ts);
        return ts;
    }

    /**
     * Drops a table's store but keeps refusing the commits that wrote it ({@link NewConstraints#rewritten}); its
     * indexes are let go, so the refusal keeps no rows alive.
     */
    void retireTableStore(String storageName) {
        TableStore retired = tables.remove(storageName);
        if (retired != null) {
            for (OrderedIndex index : retired.indexes()) {
                retired.removeIndex(index.layout().name());
            }
        }
        store.dropTable(storageName);
    }

    /** The storage names of the tables whose stores are open on this node. */
    List<String> openTableNames() {
        List<String> names = new java.util.ArrayList<>();
        for (Map.Entry<String, TableStore> e : tables.entrySet()) {
            if (!(e.getValue() instanceof InformationSchemaStore)) {
                names.add(e.getKey());
            }
        }
        return names;
    }

    /**
     * Brings the open table stores in step with a catalog another node changed: stores of tables gone are let go,
     * the others get their new row shape and indexes, and every table is opened (each node holds a copy).
     */
    void followTables(Replication replication) {
        Map<String, TableDef> byStorage = new java.util.HashMap<>();
        for (TableDef t : catalog.tables()) {
            byStorage.put(t.storageName(), t);
        }
        for (Map.Entry<String, TableStore> e : tables.entrySet()) {
            if (e.getValue() instanceof InformationSchemaStore) {
                continue;
            }
            TableDef table = byStorage.get(e.getKey());
            if (table == null) {
                tables.remove(e.getKey());
                replication.forgetTable(e.getKey());
            } else {
                followIndexes(table, e.getValue());
            }
        }
        for (TableDef table : byStorage.values()) {
            tableStore(table);
        }
    }

    private void followIndexes(TableDef table, TableStore ts) {
        ts.setRowShape(shapeOf(table));
        List<IndexDef> wanted = catalog.indexes(table);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (IndexDef index : wanted) {
            names.add(IndexBuilder.layout(table, index).name());
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (OrderedIndex index : ts.indexes()) {
            String name = index.layout().name();
            if (names.contains(name) || index.layout().isKeyOrder()) {
                present.add(name);
            } else {
                ts.removeIndex(name);
            }
        }
        for (IndexDef index : wanted) {
            IndexLayout layout = IndexBuilder.layout(table, index);
            if (!present.contains(layout.name())) {
                ts.addIndex(layout);
            }
        }
    }

    void dropTableStore(String storageName) {
        TableStore dropped = tables.remove(storageName);
        if (dropped != null) {
            newConstraints.forget(dropped);
        }
        store.dropTable(storageName);
    }
}
