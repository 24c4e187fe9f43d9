package io.recall.engine.storage;

import io.recall.parser.types.Values;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How the entries of one ordered index are built and ordered: an entry is the indexed column
 * values of a row followed by the row's store key, {@code [v1, ..., vn, key]}. Entries sort
 * column by column as SQL compares values (NULL first), then by key, so equal values stay
 * distinct entries. {@link #MIN} and {@link #MAX} sort below and above every value and make
 * the bounds of a read: {@code [v, MIN]} to {@code [v, MAX]} holds every entry whose first value
 * equals v. Columns are kept ascending whatever the declared direction (only order of
 * reading differs, and nothing reads in index order yet).
 */
public final class IndexLayout implements Comparator<Object[]> {
    /** Sorts below every value, NULL included. */
    public static final Object MIN = new Object() {
        @Override
        public String toString() {
            return "MIN";
        }
    };
    /** Sorts above every value. */
    public static final Object MAX = new Object() {
        @Override
        public String toString() {
            return "MAX";
        }
    };

    private final String name;
    private final String displayName;
    private final int[] columns;
    private final boolean unique;

    /** {@code name} is the storage name (unique per database), {@code displayName} the SQL name. */
    public IndexLayout(String name, String displayName, int[] columns, boolean unique) {
        this.name = name;
        this.displayName = displayName;
        this.columns = columns.clone();
        this.unique = unique;
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
            int c = compareValues(a[i], b[i]);
            if (c != 0) {
                return c;
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
        return name + Arrays.toString(columns);
    }
}
