package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;

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
    // most transactions write one table: its keys are kept without a map
    private TableStore firstStore;
    private Set<Object> firstKeys;
    private Map<TableStore, Set<Object>> otherKeys;

    void add(TableStore store, Object key) {
        Set<Object> written = keysOf(store);
        if (written == null) {
            written = new HashSet<>();
            if (firstStore == null) {
                firstStore = store;
                firstKeys = written;
            } else {
                if (otherKeys == null) {
                    otherKeys = new IdentityHashMap<>();
                }
                otherKeys.put(store, written);
            }
        }
        written.add(key);
    }

    boolean contains(TableStore store, Object key) {
        Set<Object> written = keysOf(store);
        return written != null && written.contains(key);
    }

    private Set<Object> keysOf(TableStore store) {
        if (store == firstStore) {
            return firstKeys;
        }
        return otherKeys == null ? null : otherKeys.get(store);
    }

    /**
     * The table as this transaction reads it: the store itself, or, once the transaction has
     * written rows of it, the store together with the keys written ({@link OwnWrites}).
     */
    public TableStore view(TableStore store) {
        Set<Object> written = keysOf(store);
        return written == null ? store : new OwnWrites(store, written);
    }
}
