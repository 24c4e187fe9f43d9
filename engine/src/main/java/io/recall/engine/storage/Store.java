package io.recall.engine.storage;

/**
 * The storage SPI the engine runs on: one {@link TableStore} per table, a transactional text
 * map for the catalog, sequences, and transactions spanning all of them. The cluster module
 * implements it on Infinispan; nothing here knows about caches.
 */
public interface Store extends AutoCloseable {
    TableStore createTable(String storageName);

    TableStore openTable(String storageName);

    void dropTable(String storageName);

    CatalogStore catalog();

    Sequences sequences();

    /** The claimed values of UNIQUE constraints, locked and written in the row's transaction. */
    UniqueKeys uniqueKeys();

    /** Starts a transaction attached to the calling thread (detach it with {@link StoreTransaction#suspend}). */
    StoreTransaction begin();

    @Override
    void close();
}
