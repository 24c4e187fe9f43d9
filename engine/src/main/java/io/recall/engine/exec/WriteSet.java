package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys a transaction has written, per table. A locked row is read from the transaction's
 * own view only if the transaction wrote it; otherwise from the latest committed state, so an
 * earlier unlocked read cached by the store's repeatable read can never cause a lost update.
 * The same keys are what an index read adds to the committed index ({@link #view}).
 */
public final class WriteSet {
    private final Map<TableStore, Set<Object>> keys = new IdentityHashMap<>();
    /** For each table written, the catalog version of the first statement that wrote it. */
    private final Map<TableStore, Long> firstWrittenAt = new IdentityHashMap<>();
    private long statementVersion;

    /** The catalog version the statement about to write was planned at. */
    public void startStatement(long catalogVersion) {
        statementVersion = catalogVersion;
    }

    void add(TableStore store, Object key) {
        keys.computeIfAbsent(store, s -> new HashSet<>()).add(key);
        firstWrittenAt.putIfAbsent(store, statementVersion);
    }

    /** The tables written, each with the catalog version its first writing statement was planned at. */
    public Map<TableStore, Long> firstWrites() {
        return Collections.unmodifiableMap(firstWrittenAt);
    }

    boolean contains(TableStore store, Object key) {
        Set<Object> written = keys.get(store);
        return written != null && written.contains(key);
    }

    /**
     * The table as this transaction reads it: the store itself, or, once the transaction has
     * written rows of it, the store together with the keys written ({@link OwnWrites}).
     */
    public TableStore view(TableStore store) {
        Set<Object> written = keys.get(store);
        return written == null ? store : new OwnWrites(store, written);
    }
}
