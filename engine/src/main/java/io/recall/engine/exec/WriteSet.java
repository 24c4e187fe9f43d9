package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjLongConsumer;

/**
 * The keys a transaction has written, per table. A locked row is read from the transaction's
 * own view only if the transaction wrote it; otherwise from the latest committed state, so an
 * earlier unlocked read cached by the store's repeatable read can never cause a lost update.
 * The same keys are what an index read adds to the committed index ({@link #view}), and what
 * must be claimed under a unique index created while the transaction was open
 * ({@link #claimUnderNewUniqueIndexes}).
 */
public final class WriteSet {
    /** One table's written keys, and the table's indexes as they were when the keys were claimed. */
    private static final class Written {
        final Set<Object> keys = new HashSet<>();
        /** The catalog version of the first statement that wrote the table ({@code NewConstraints}). */
        final long firstWrittenAt;
        List<OrderedIndex> claimedUnder;

        Written(long firstWrittenAt, List<OrderedIndex> indexes) {
            this.firstWrittenAt = firstWrittenAt;
            this.claimedUnder = indexes;
        }
    }

    // most transactions write one table: its keys are kept without a map
    private TableStore firstStore;
    private Written first;
    private Map<TableStore, Written> others;
    private long statementVersion;
    /** The REPEATABLE READ transaction's snapshot; null under READ COMMITTED. */
    private final Snapshot snapshot;

    public WriteSet() {
        this(null);
    }

    public WriteSet(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** True when the transaction wrote no row. */
    public boolean isEmpty() {
        return firstStore == null;
    }

    /** Passes each key written, with its table. */
    public void forEachKey(java.util.function.BiConsumer<TableStore, Object> visitor) {
        for (Map.Entry<TableStore, Written> e : entries()) {
            for (Object key : e.getValue().keys) {
                visitor.accept(e.getKey(), key);
            }
        }
    }

    /** Refuses ({@code 40001}) to write a row changed since the transaction's snapshot, if it has one. */
    void checkUnchanged(TableStore store, Object key, String table) {
        if (snapshot != null) {
            snapshot.checkUnchanged(store, key, table);
        }
    }

    /** The catalog version the statement about to write was planned at. */
    public void startStatement(long catalogVersion) {
        statementVersion = catalogVersion;
    }

    /** Passes each table written, with the catalog version its first writing statement was planned at. */
    public void forEachFirstWrite(ObjLongConsumer<TableStore> firstWrittenAt) {
        if (firstStore != null) {
            firstWrittenAt.accept(firstStore, first.firstWrittenAt);
        }
        if (others != null) {
            others.forEach((store, written) -> firstWrittenAt.accept(store, written.firstWrittenAt));
        }
    }

    void add(TableStore store, Object key) {
        Written written = writtenIn(store);
        if (written == null) {
            written = new Written(statementVersion, store.indexes());
            if (firstStore == null) {
                firstStore = store;
                first = written;
            } else {
                if (others == null) {
                    others = new IdentityHashMap<>();
                }
                others.put(store, written);
            }
        }
        written.keys.add(key);
    }

    boolean contains(TableStore store, Object key) {
        Written written = writtenIn(store);
        return written != null && written.keys.contains(key);
    }

    private Written writtenIn(TableStore store) {
        if (store == firstStore) {
            return first;
        }
        return others == null ? null : others.get(store);
    }

    /**
     * The table as this transaction reads it: the store together with the keys written ({@link OwnWrites}), seen
     * through the transaction's snapshot under REPEATABLE READ.
     */
    public TableStore view(TableStore store) {
        Written written = writtenIn(store);
        TableStore committed = snapshot == null ? store : snapshot.view(store);
        return new OwnWrites(committed, written == null ? Set.of() : written.keys);
    }

    /**
     * True when no written table's indexes changed since its rows were claimed: checked under the
     * exclusive side of the commit gate, where no index can be added, just before the commit.
     */
    public boolean indexesUnchanged() {
        if (firstStore != null && firstStore.indexes() != first.claimedUnder) {
            return false;
        }
        if (others != null) {
            for (Map.Entry<TableStore, Written> e : others.entrySet()) {
                if (e.getKey().indexes() != e.getValue().claimedUnder) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Claims the values of the transaction's written rows under every unique index a table gained
     * after they were written (a row written before CREATE UNIQUE INDEX and committed after the
     * index claimed the committed rows would otherwise escape it). Fails with {@code 23505} on a
     * value another row holds; the caller then rolls back. Attached transaction required.
     */
    public void claimUnderNewUniqueIndexes(UniqueKeys uniqueKeys, long lockTimeoutMillis) {
        if (indexesUnchanged()) {
            return;
        }
        for (Map.Entry<TableStore, Written> e : entries()) {
            TableStore store = e.getKey();
            Written written = e.getValue();
            List<OrderedIndex> now = store.indexes();
            if (now == written.claimedUnder) {
                continue;
            }
            for (OrderedIndex index : now) {
                if (index.layout().unique() && !written.claimedUnder.contains(index)) {
                    claimAll(store, written.keys, index.layout(), uniqueKeys, lockTimeoutMillis);
                }
            }
            written.claimedUnder = now;
        }
    }

    private static void claimAll(TableStore store, Set<Object> keys, IndexLayout layout, UniqueKeys uniqueKeys,
                                 long lockTimeoutMillis) {
        for (Object key : keys) {
            Object[] row = store.get(key);
            Object value = row == null ? null : UniqueValues.of(layout, row);
            if (value == null) {
                continue;
            }
            if (!uniqueKeys.lock(layout.name(), value, lockTimeoutMillis)) {
                throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Timeout after " + lockTimeoutMillis
                        + " ms waiting for the lock on value " + value + " of unique index " + layout.displayName());
            }
            Object holder = uniqueKeys.holder(layout.name(), value);
            if (holder != null && !holder.equals(key)) {
                throw new RecallException(ErrorCode.UNIQUE_VIOLATION, "Duplicate value " + value
                        + " for unique index " + layout.displayName() + ", created while this transaction was open");
            }
            uniqueKeys.put(layout.name(), value, key);
        }
    }

    private List<Map.Entry<TableStore, Written>> entries() {
        List<Map.Entry<TableStore, Written>> out = new ArrayList<>();
        if (firstStore != null) {
            out.add(Map.entry(firstStore, first));
        }
        if (others != null) {
            out.addAll(others.entrySet());
        }
        return out;
    }
}
