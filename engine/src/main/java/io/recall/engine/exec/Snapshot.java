package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A REPEATABLE READ transaction's view of the committed rows: the state after commit {@link #seq} on this node,
 * read through {@link RowHistory}. Its own writes come on top ({@link OwnWrites}). Writing a row another
 * transaction changed after the snapshot fails with {@code 40001}, as in PostgreSQL, so no update is lost.
 */
public final class Snapshot {
    private final RowHistory history;
    private final long seq;
    private final long catalogVersion;
    /** SERIALIZABLE: what the transaction read, validated at commit; null under REPEATABLE READ. */
    private final ReadSet reads;

    /** The tables a SERIALIZABLE transaction read as a whole (scans, index reads) and the rows it read by key. */
    private static final class ReadSet {
        final Set<TableStore> tables = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<TableStore, Set<Object>> keys = new IdentityHashMap<>();
    }

    Snapshot(RowHistory history, long seq, long catalogVersion, boolean serializable) {
        this.history = history;
        this.seq = seq;
        this.catalogVersion = catalogVersion;
        this.reads = serializable ? new ReadSet() : null;
    }

    void readTable(TableStore store) {
        if (reads != null) {
            synchronized (reads) {
                reads.tables.add(store);
            }
        }
    }

    void readKey(TableStore store, Object key) {
        if (reads != null) {
            synchronized (reads) {
                reads.keys.computeIfAbsent(store, s -> new HashSet<>()).add(key);
            }
        }
    }

    /**
     * SERIALIZABLE, at commit, under the exclusive side of the commit gate: fails with {@code 40001} when a commit
     * after the snapshot changed a table this transaction read as a whole or a row it read by key. A transaction
     * that passes read exactly what it would read if it ran alone at this moment, so the commits of SERIALIZABLE
     * transactions are equivalent to running them one at a time in commit order (backward validation). A
     * transaction that wrote nothing needs no check: its snapshot is a prefix of that order.
     */
    public void validate() {
        if (reads == null) {
            return;
        }
        synchronized (reads) {
            for (TableStore store : reads.tables) {
                for (List<RowHistory.Version> versions : history.of(store).values()) {
                    if (firstAfter(versions) != null) {
                        throw conflict(store);
                    }
                }
            }
            for (Map.Entry<TableStore, Set<Object>> e : reads.keys.entrySet()) {
                Map<Object, List<RowHistory.Version>> kept = history.of(e.getKey());
                for (Object key : e.getValue()) {
                    List<RowHistory.Version> versions = kept.get(key);
                    if (versions != null && firstAfter(versions) != null) {
                        throw conflict(e.getKey());
                    }
                }
            }
        }
    }

    private static RecallException conflict(TableStore store) {
        return new RecallException(ErrorCode.SERIALIZATION_FAILURE, "Could not serialize access: another "
                + "transaction committed a change to rows this SERIALIZABLE transaction read; retry the transaction");
    }

    long seq() {
        return seq;
    }

    /** The catalog version when the snapshot was taken: DDL since then ends the transaction ({@code 40001}). */
    public long catalogVersion() {
        return catalogVersion;
    }

    public void close() {
        history.close(this);
    }

    TableStore view(TableStore store) {
        return new SnapshotView(store, this);
    }

    /**
     * The rows of the table that commits after the snapshot changed, each as the snapshot sees it (null: it did not
     * exist then).
     */
    Map<Object, Object[]> changedRows(TableStore store) {
        Map<Object, List<RowHistory.Version>> kept = history.of(store);
        if (kept.isEmpty()) {
            return Map.of();
        }
        Map<Object, Object[]> changed = new HashMap<>();
        kept.forEach((key, versions) -> {
            RowHistory.Version first = firstAfter(versions);
            if (first != null) {
                changed.put(key, first.before());
            }
        });
        return changed;
    }

    /**
     * The first change a commit after the snapshot made to the row (its {@code before()} is the row as the snapshot
     * sees it), or null when none did.
     */
    RowHistory.Version changeAfter(TableStore store, Object key) {
        List<RowHistory.Version> versions = history.of(store).get(key);
        return versions == null ? null : firstAfter(versions);
    }

    /** Refuses to write a row another transaction changed since the snapshot. The caller holds the row's lock. */
    void checkUnchanged(TableStore store, Object key, String table) {
        if (changeAfter(store, key) != null) {
            throw new RecallException(ErrorCode.SERIALIZATION_FAILURE, "Could not serialize access to a row of table "
                    + table + " (key " + key + ") changed by another transaction since this REPEATABLE READ "
                    + "transaction began; retry the transaction");
        }
    }

    private RowHistory.Version firstAfter(List<RowHistory.Version> versions) {
        synchronized (versions) {
            for (RowHistory.Version v : versions) {
                if (v.seq() > seq) {
                    return v;
                }
            }
        }
        return null;
    }
}
