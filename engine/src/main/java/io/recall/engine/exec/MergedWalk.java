package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.RowVisitor;
import io.recall.engine.storage.TableStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the entries of an ordered index between two bounds, in index order or reversed, as the
 * transaction sees the table: the index holds committed rows only, so the rows the transaction wrote
 * itself ({@link OwnWrites}) are read as it sees them, placed by their own values and merged into the
 * committed entries (whose copies of those keys are passed over). Each row is passed once, in order,
 * until the visitor returns false.
 */
public final class MergedWalk {
    /** One of the transaction's own rows: its index entry, key and row. */
    private record Own(Object[] entry, Object key, Object[] row) {
    }

    private MergedWalk() {
    }

    public static void read(OrderedIndex index, TableStore store, Object[] from, Object[] to, IndexWalk walk,
                     RowVisitor visitor) {
        List<Object> written = OwnWrites.writtenKeys(store);
        if (written.isEmpty()) {
            keys(index, from, to, walk, key -> {
                Object[] row = store.get(key);
                return row == null || visitor.visit(key, row);
            });
            return;
        }
        IndexLayout layout = index.layout();
        Comparator<Object[]> order = walk == IndexWalk.BACKWARD ? layout.reversed() : layout;
        List<Own> own = new ArrayList<>();
        for (Object key : written) {
            Object[] row = store.get(key);
            Object[] entry = row == null ? null : layout.entry(key, row);
            if (entry != null && layout.compare(from, entry) <= 0 && layout.compare(entry, to) <= 0) {
                own.add(new Own(entry, key, row));
            }
        }
        own.sort((a, b) -> order.compare(a.entry(), b.entry()));
        Set<Object> ownKeys = new HashSet<>(written);
        int[] next = {0};
        boolean[] stopped = {false};
        keys(index, from, to, walk, key -> {
            if (ownKeys.contains(key)) {
                return true;
            }
            Object[] row = store.get(key);
            if (row == null) {
                return true;
            }
            Object[] entry = layout.entry(key, row);
            while (next[0] < own.size() && order.compare(own.get(next[0]).entry(), entry) < 0) {
                Own o = own.get(next[0]++);
                if (!visitor.visit(o.key(), o.row())) {
                    stopped[0] = true;
                    return false;
                }
            }
            if (!visitor.visit(key, row)) {
                stopped[0] = true;
                return false;
            }
            return true;
        });
        for (int i = next[0]; i < own.size() && !stopped[0]; i++) {
            if (!visitor.visit(own.get(i).key(), own.get(i).row())) {
                return;
            }
        }
    }

    private static void keys(OrderedIndex index, Object[] from, Object[] to, IndexWalk walk,
                             java.util.function.Predicate<Object> keys) {
        if (walk == IndexWalk.BACKWARD) {
            index.keysDescending(from, to, keys);
        } else {
            index.keys(from, to, keys);
        }
    }
}
