package io.recall.engine.storage;

/**
 * The rows of one table, keyed by primary key (or hidden row id), each row an array of values in
 * catalog column order. Reads and writes take part in the transaction attached to the calling
 * thread, if any; rows handed out are shared with the store and must never be mutated.
 */
public interface TableStore {
    Object[] get(Object key);

    /**
     * The latest committed row, ignoring what the attached transaction may have read of it earlier
     * (the store's repeatable read would hand back that stale copy). Only meaningful while the
     * caller holds the key's lock, which keeps the committed row stable.
     */
    Object[] getCommitted(Object key);

    /**
     * Takes the write lock on {@code key} for the attached transaction, waiting at most
     * {@code timeoutMillis}; false on timeout. Locks are held until commit or rollback.
     */
    boolean lock(Object key, long timeoutMillis);

    void put(Object key, Object[] row);

    /**
     * Writes the row of a key the attached transaction has not locked, taking the key's lock with
     * the write itself (one store operation instead of two) and waiting for it at most
     * {@link #writeLockTimeoutMillis}. False on timeout; the transaction can then only be rolled
     * back, so use this only where a failure ends the transaction anyway.
     */
    boolean putLocking(Object key, Object[] row);

    /** How long {@link #putLocking} waits for a lock. */
    long writeLockTimeoutMillis();

    void remove(Object key);

    /**
     * Visits the rows for which {@code filter} holds (all rows when null), running the filter
     * inside the store's own iteration. Stops when the visitor returns false.
     */
    void scan(RowFilter filter, RowVisitor visitor);

    long size();

    /**
     * Where the rows live, in Mnesia's terms: {@code ram_copies} (memory only), {@code disc_copies}
     * (memory, and every commit on disc) or {@code disc_only_copies}: the storage type the table was
     * created with ({@link io.recall.parser.catalog.StorageType#sqlName}). EXPLAIN and
     * INFORMATION_SCHEMA.TABLES name it.
     */
    String storageType();

    /**
     * From now on, rows read (and rows the indexes are built from) are padded to this shape; null
     * when the table never gained a column. Set before the wider definition is published.
     */
    void setRowShape(RowShape shape);

    /** The committed row count, without counting: for the planner. */
    long estimatedRows();

    /**
     * Starts keeping an ordered index of the committed rows: built from the rows now, then kept in
     * step by every commit. Returns the existing index if one of that name is already kept.
     */
    OrderedIndex addIndex(IndexLayout layout);

    void removeIndex(String name);

    /** The indexes kept for this table, an immutable list replaced (not changed) when indexes come and go. */
    java.util.List<OrderedIndex> indexes();
}
