package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The earlier versions of rows that REPEATABLE READ transactions still need. The store keeps only the latest
 * committed row, so while a snapshot is open every commit on this node records, for each row it changes, the row
 * as it was before (null for a row it inserted), stamped with the commit's number. A snapshot taken after commit
 * {@code n} reads a row as the before-image of the first commit after {@code n} that changed it, or as the store
 * has it when none did. Commits are numbered, and versions recorded and dropped, under the exclusive side of the
 * commit gate; snapshots are taken under its shared side, so a snapshot never falls between a commit and its
 * versions. Versions no open snapshot needs are dropped at the next commit.
 */
public final class RowHistory {
    /** A row as it was before commit {@code seq} changed it. */
    record Version(long seq, Object[] before) {
    }

    /** The before-images of one commit, read just before it is applied. */
    public static final class Pending {
        private final List<TableStore> stores = new ArrayList<>();
        private final List<Object> keys = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();
    }

    private final Map<TableStore, Map<Object, List<Version>>> versions = new ConcurrentHashMap<>();
    private final Set<Snapshot> open = ConcurrentHashMap.newKeySet();
    private volatile long lastCommit;
    private volatile boolean closedSome;

    /** Takes a snapshot of the committed state now. The caller holds the shared side of the commit gate. */
    public Snapshot open(long catalogVersion, boolean serializable) {
        Snapshot snapshot = new Snapshot(this, lastCommit, catalogVersion, serializable);
        open.add(snapshot);
        return snapshot;
    }

    void close(Snapshot snapshot) {
        if (open.remove(snapshot)) {
            closedSome = true;
        }
    }

    /**
     * Under the exclusive side of the gate, before the store applies the commit: the rows it is about to change,
     * as they are now, when an open snapshot may need them; else null.
     */
    public Pending capture(WriteSet writes) {
        if (open.isEmpty()) {
            return null;
        }
        Pending pending = new Pending();
        writes.forEachKey((store, key) -> {
            pending.stores.add(store);
            pending.keys.add(key);
            pending.rows.add(store.getCommitted(key));
        });
        return pending;
    }

    /** Under the exclusive side of the gate, once the store applied the commit: numbers it and keeps its versions. */
    public void committed(Pending pending) {
        long seq = lastCommit + 1;
        lastCommit = seq;
        if (closedSome || open.isEmpty() && !versions.isEmpty()) {
            prune();
        }
        if (pending == null) {
            return;
        }
        for (int i = 0; i < pending.keys.size(); i++) {
            List<Version> list = versions.computeIfAbsent(pending.stores.get(i), s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(pending.keys.get(i), k -> new ArrayList<>(2));
            synchronized (list) { // a writer checks a row's versions outside the gate (Snapshot.checkUnchanged)
                list.add(new Version(seq, pending.rows.get(i)));
            }
        }
    }

    /** Drops the versions no open snapshot reads: those of commits up to the oldest open snapshot. */
    private void prune() {
        closedSome = false;
        long oldest = Long.MAX_VALUE;
        for (Snapshot s : open) {
            oldest = Math.min(oldest, s.seq());
        }
        if (oldest == Long.MAX_VALUE) {
            versions.clear();
            return;
        }
        long keepAfter = oldest;
        versions.values().forEach(keys -> keys.values().removeIf(list -> {
            synchronized (list) {
                list.removeIf(v -> v.seq() <= keepAfter);
                return list.isEmpty();
            }
        }));
        versions.values().removeIf(Map::isEmpty);
    }

    /** The versions kept for a table's rows (empty when none), read under the shared side of the gate. */
    Map<Object, List<Version>> of(TableStore store) {
        Map<Object, List<Version>> kept = versions.get(store);
        return kept == null ? Map.of() : kept;
    }
}
