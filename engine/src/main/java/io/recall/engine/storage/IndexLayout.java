package io.recall.engine.storage;

import io.recall.parser.types.Values;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How the entries of one ordered index are built and ordered: an entry is the indexed column
 * values of a row followed by the row's store key, {@code [v1, ..., vn, key]}. Entries sort
 * column by column as SQL compares values, each column in its declared direction with NULL as
 * the lowest value (first in an ascending column, last in a descending one, as ORDER BY puts
 * them by default), then by key, so equal values stay distinct entries. {@link #MIN} and
 * {@link #MAX} sort before and after every value whatever the column's direction, and make the
 * bounds of a read: {@code [v, MIN]} to {@code [v, MAX]} holds every entry whose first value
 * equals v.
 */
public final class IndexLayout implements Comparator<Object[]> {
    /** Sorts before every value, NULL included, whatever the column's direction. */
    public static final Object MIN = new Object() {
        @Override
        public String toString() {
            return "MIN";
        }
    };
    /** Sorts after every value, NULL included, whatever the column's direction. */
    public static final Object MAX = new Object() {
        @Override
        public String toString() {
            return "MAX";
        }
    };

    private final String name;
    private final String displayName;
    private final int[] columns;
    private final boolean[] descending;
    private final boolean unique;
    private final boolean keyOrder;

    /** An index with every column ascending. */
    public IndexLayout(String name, String displayName, int[] columns, boolean unique) {
        this(name, displayName, columns, new boolean[columns.length], unique);
    }

    /**
     * {@code name} is the storage name (unique per database), {@code displayName} the SQL name,
     * {@code descending[i]} the declared direction of {@code columns[i]}.
     */
    public IndexLayout(String name, String displayName, int[] columns, boolean[] descending, boolean unique) {
        this(name, displayName, columns, descending, unique, false);
    }

    private IndexLayout(String name, String displayName, int[] columns, boolean[] descending, boolean unique,
                        boolean keyOrder) {
        if (descending.length != columns.length) {
            throw new IllegalArgumentException("An index needs one direction per column");
        }
        this.name = name;
        this.displayName = displayName;
        this.columns = columns.clone();
        this.descending = descending.clone();
        this.unique = unique;
        this.keyOrder = keyOrder;
    }

    /**
     * The key order of an {@code ordered_set} table: its primary-key columns, ascending, under storage name
     * {@code name}. Not a unique index (the store key already is unique, so nothing is claimed for it); no SQL
     * name (EXPLAIN says "primary key").
     */
    public static IndexLayout keyOrder(String name, int[] primaryKey) {
        return new IndexLayout(name, "primary key", primaryKey, new boolean[primaryKey.length], false, true);
    }

    /** True for the key order of an {@code ordered_set} table ({@link #keyOrder}). */
    public boolean isKeyOrder() {
        return keyOrder;
    }

    /** The index's storage name: unique per database. */
    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public boolean unique() {
        return unique;
    }

    public int[] columns() {
        return columns.clone();
    }

    public int width() {
        return columns.length;
    }

    public int column(int i) {
        return columns[i];
    }

    /** True when the index's {@code i}-th column is declared DESC: its entries run from high to low. */
    public boolean descending(int i) {
        return descending[i];
    }

    public Object[] entry(Object key, Object[] row) {
        Object[] e = new Object[columns.length + 1];
        for (int i = 0; i < columns.length; i++) {
            e[i] = row[columns[i]];
        }
        e[columns.length] = key;
        return e;
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            Object x = a[i];
            Object y = b[i];
            int c = compareValues(x, y);
            if (c != 0) {
                boolean bound = x == MIN || x == MAX || y == MIN || y == MAX;
                return i < descending.length && descending[i] && !bound ? -c : c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == MIN || b == MAX) {
            return -1;
        }
        if (a == MAX || b == MIN) {
            return 1;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a instanceof BinaryKey x && b instanceof BinaryKey y) {
            return Arrays.compareUnsigned(x.bytes(), y.bytes());
        }
        if (a instanceof CompositeKey x && b instanceof CompositeKey y) {
            for (int i = 0; i < x.size() && i < y.size(); i++) {
                int c = compareValues(x.part(i), y.part(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        return Values.compare(a, b);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('[');
        for (int i = 0; i < columns.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(columns[i]).append(descending[i] ? " DESC" : "");
        }
        return sb.append(']').toString();
    }
}
