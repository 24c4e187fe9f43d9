package io.recall.engine.storage;

import io.recall.parser.catalog.TableOptions;

/**
 * The storage SPI the engine runs on: one {@link TableStore} per table, a transactional text
 * map for the catalog, sequences, and transactions spanning all of them. The cluster module
 * implements it on Infinispan; nothing here knows about caches.
 */
public interface Store extends AutoCloseable {
    /**
     * Creates the store of a new table with its storage and table type, both given ({@link TableOptions#storage}
     * decides where the rows live; the table type is the engine's business, but a store may use it).
     */
    TableStore createTable(String storageName, TableOptions options);

    /** Opens the store of a table that exists, with the options it was created with. */
    TableStore openTable(String storageName, TableOptions options);

    void dropTable(String storageName);

    CatalogStore catalog();

    Sequences sequences();

    /** The claimed values of UNIQUE constraints, locked and written in the row's transaction. */
    UniqueKeys uniqueKeys();

    /** How rows and keys are written as bytes. */
    StoredForm storedForm();

    /** The cluster this store replicates over; null for a database on one node. */
    default Replication replication() {
        return null;
    }

    /** Starts a transaction attached to the calling thread (detach it with {@link StoreTransaction#suspend}). */
    StoreTransaction begin();

    @Override
    void close();
}
