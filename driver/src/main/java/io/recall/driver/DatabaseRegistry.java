package io.recall.driver;

import io.recall.cluster.InfinispanStore;
import io.recall.engine.Database;
import io.recall.engine.DatabaseSettings;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open databases of this JVM, in memory by name and on disc by folder, with a count of the connections
 * using each: a named database is shared by every connection that names it and closed when the last one
 * closes, unless some connection opened it with {@code keep=true} (closing drops an in-memory database; one on
 * disc stays in its folder). A private (unnamed) database belongs to one connection and is dropped with it.
 */
final class DatabaseRegistry {
    static final DatabaseRegistry GLOBAL = new DatabaseRegistry();

    private final Map<String, Entry> open = new HashMap<>();
    private final AtomicLong privateIds = new AtomicLong();

    /** One connection's hold on a database; release it exactly once. */
    final class Lease {
        private final Entry entry;
        private boolean released;

        private Lease(Entry entry) {
            this.entry = entry;
        }

        Database database() {
            return entry.database;
        }

        /** The catalog name JDBC reports: the database name, or null for a private database. */
        String catalog() {
            return entry.shared ? entry.name : null;
        }

        /** Dropping happens under the registry lock, so a new database of the same name waits for it. */
        void release() {
            synchronized (DatabaseRegistry.this) {
                if (released) {
                    return;
                }
                released = true;
                entry.references--;
                if (entry.references > 0 || entry.keep) {
                    return;
                }
                if (entry.shared) {
                    open.remove(entry.key);
                }
                entry.drop();
            }
        }
    }

    private static final class Entry {
        final String key;
        final String name;
        final boolean shared;
        final InfinispanStore store;
        final Database database;
        int references;
        boolean keep;

        Entry(String key, String name, boolean shared, InfinispanStore store, Database database) {
            this.key = key;
            this.name = name;
            this.shared = shared;
            this.store = store;
            this.database = database;
        }

        /** Database.close closes the store; the store is closed here only if that failed. */
        void drop() {
            try {
                database.close();
            } catch (RuntimeException e) {
                closeQuietly(store, e);
                throw e;
            }
        }
    }

    /** Opens (or joins) the database the URL names. */
    Lease acquire(ConnectionUrl url) throws SQLException {
        if (url.isPrivate()) {
            String name = "private-" + privateIds.incrementAndGet();
            Entry entry = create(name, name, false, url);
            entry.references = 1;
            return new Lease(entry);
        }
        String key = key(url);
        synchronized (this) {
            Entry entry = open.get(key);
            if (entry == null) {
                entry = create(key, url.name(), true, url);
                open.put(key, entry);
            } else if (url.restoreFrom() != null) {
                throw SqlExceptions.create("Database " + url.name() + " is already open: restore_from applies only"
                        + " when a connection opens a database", SqlExceptions.CONNECTION_FAILED);
            }
            entry.references++;
            entry.keep |= url.keep();
            return new Lease(entry);
        }
    }

    /** In-memory databases by name, databases on disc by their folder: two namespaces. */
    private static String key(ConnectionUrl url) {
        return url.onDisc() ? ConnectionUrl.FILE + url.name() : url.name();
    }

    /** Whether a shared database of that name is open now (for tests and diagnostics). */
    synchronized boolean isOpen(String name) {
        return open.containsKey(name);
    }

    /** How many connections hold the named database. */
    synchronized int references(String name) {
        Entry entry = open.get(name);
        return entry == null ? 0 : entry.references;
    }

    /** Drops a kept database that no connection uses any more; returns whether it did. */
    synchronized boolean dropIfUnused(String name) {
        Entry entry = open.get(name);
        if (entry == null || entry.references > 0) {
            return false;
        }
        open.remove(name);
        entry.drop();
        return true;
    }

    private static Entry create(String key, String name, boolean shared, ConnectionUrl url) throws SQLException {
        InfinispanStore store = null;
        try {
            store = url.onDisc() ? InfinispanStore.onDisc(url.folder(), url.lockTimeoutMillis(), url.sync(), url.memoryRows())
                    : url.cluster() != null ? InfinispanStore.clustered(name, url.lockTimeoutMillis(), url.cluster())
                    : new InfinispanStore(name, url.lockTimeoutMillis());
            Database database = Database.open(store, new DatabaseSettings(name, url.lockTimeoutMillis(), url.defaults(),
                    url.onDisc()));
            if (url.restoreFrom() != null) {
                database.restoreFrom(url.restoreFrom());
            }
            return new Entry(key, name, shared, store, database);
        } catch (RuntimeException | Error e) {
            if (store != null) {
                closeQuietly(store, e);
            }
            SQLException error = SqlExceptions.of(e, null);
            throw SqlExceptions.create("Cannot open database " + name + ": " + error.getMessage(),
                    SqlExceptions.CONNECTION_FAILED, e);
        }
    }

    private static void closeQuietly(InfinispanStore store, Throwable failure) {
        try {
            store.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
