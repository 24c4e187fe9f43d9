package io.recall.engine.exec;

import io.recall.engine.storage.TableStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A table store as a transaction reads it: the rows it wrote as it wrote them, every other row as last committed
 * (not the copy the store's per-key repeatable read may keep from an earlier statement, which could mix two
 * commits in one statement). {@link #writtenKeys} names the rows the transaction wrote. Indexes hold committed
 * rows only, so an index read adds these keys to the index's candidates (the full WHERE is checked on each row as
 * the transaction sees it, so rows it changed or removed drop out).
 */
public final class OwnWrites extends ForwardingTableStore {
    private final Set<Object> written;

    OwnWrites(TableStore store, Set<Object> written) {
        super(store);
        this.written = written;
    }

    /** A copy: the statement reading them may write more rows of the table afterwards. */
    List<Object> writtenKeys() {
        return new ArrayList<>(written);
    }

    /** True when the transaction wrote rows of this table (without copying their keys). */
    public static boolean hasWrites(TableStore store) {
        return store instanceof OwnWrites own && !own.written.isEmpty();
    }

    /**
     * The keys whose rows the transaction may see otherwise than the committed indexes say: the rows it wrote, and,
     * in a REPEATABLE READ snapshot, the rows others changed since ({@link SnapshotView}).
     */
    public static List<Object> writtenKeys(TableStore store) {
        if (store instanceof OwnWrites own) {
            List<Object> keys = own.writtenKeys();
            if (own.store instanceof SnapshotView snapshot) {
                keys.addAll(snapshot.changedKeys());
            }
            return keys;
        }
        return store instanceof SnapshotView snapshot ? snapshot.changedKeys() : List.of();
    }

    @Override
    public Object[] get(Object key) {
        return written.contains(key) ? store.get(key) : store.getCommitted(key);
    }

}
