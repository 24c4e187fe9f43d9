package io.recall.engine.exec;

import io.recall.engine.storage.IndexLayout;

/**
 * An ORDER BY on plain columns of one table, as an index read would have to deliver it: for
 * each key, the table column, its direction and whether its NULLs come first.
 */
public final class ColumnOrder {
    private final int[] columns;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    public ColumnOrder(int[] columns, boolean[] descending, boolean[] nullsFirst) {
        if (columns.length != descending.length || columns.length != nullsFirst.length) {
            throw new IllegalArgumentException("One direction and one NULL placement per sort column");
        }
        this.columns = columns.clone();
        this.descending = descending.clone();
        this.nullsFirst = nullsFirst.clone();
    }

    /**
     * Which way to walk an index with {@code layout} so that its rows come out in this order, when
     * the read holds the index's first {@code fixed} columns equal (sort keys on those columns are
     * ties and are passed over); null when neither way does. The other sort keys must be the next
     * index columns in order, all in their declared directions (walk forward) or all reversed
     * (walk backward), and each must want its NULLs where the index keeps them: as the lowest
     * value, i.e. first ascending and last descending.
     */
    public IndexWalk walk(IndexLayout layout, int fixed) {
        int next = fixed;
        IndexWalk walk = IndexWalk.FORWARD;
        boolean decided = false;
        for (int k = 0; k < columns.length; k++) {
            if (isFixed(layout, fixed, columns[k])) {
                continue;
            }
            if (next >= layout.width() || layout.column(next) != columns[k] || nullsFirst[k] == descending[k]) {
                return null;
            }
            IndexWalk needed = descending[k] == layout.descending(next) ? IndexWalk.FORWARD : IndexWalk.BACKWARD;
            if (decided && needed != walk) {
                return null;
            }
            walk = needed;
            decided = true;
            next++;
        }
        return walk;
    }

    private static boolean isFixed(IndexLayout layout, int fixed, int column) {
        for (int i = 0; i < fixed; i++) {
            if (layout.column(i) == column) {
                return true;
            }
        }
        return false;
    }
}
