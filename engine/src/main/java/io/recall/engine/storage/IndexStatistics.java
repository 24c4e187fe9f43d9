package io.recall.engine.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * What the planner knows of one ordered index, gathered in one walk of its entries: how many
 * there are, how many distinct values each leading prefix of its columns has, and an
 * equi-depth histogram of its first column (the value found every {@code entries / BUCKETS}
 * entries). The index keeps it until a good part of its entries changed.
 */
public final class IndexStatistics {
    static final int BUCKETS = 64;

    private final long entries;
    private final long[] distinct;
    private final Object[] boundaries;
    /** First-column values found at two or more boundaries, with their estimated entry counts. */
    private final Object[] frequentValues;
    private final double[] frequentCounts;

    private IndexStatistics(long entries, long[] distinct, Object[] boundaries) {
        this.entries = entries;
        this.distinct = distinct;
        this.boundaries = boundaries;
        List<Object> values = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        int buckets = boundaries.length - 1;
        for (int i = 0; i + 1 < boundaries.length; ) {
            int j = i + 1;
            while (j < boundaries.length && IndexLayout.compareValues(boundaries[i], boundaries[j]) == 0) {
                j++;
            }
            if (j - i >= 2) {
                values.add(boundaries[i]);
                counts.add((double) entries * (j - i - 1) / buckets);
            }
            i = j;
        }
        this.frequentValues = values.toArray();
        this.frequentCounts = counts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Gathers the statistics of entries {@code [v1, ..., vn, key]} walked in index order. */
    public static IndexStatistics of(Iterable<Object[]> sortedEntries, long size, int width) {
        long[] distinct = new long[width];
        List<Object> boundaries = new ArrayList<>();
        long step = Math.max(1, size / BUCKETS);
        Object[] previous = null;
        long n = 0;
        for (Object[] entry : sortedEntries) {
            int firstChange = previous == null ? 0 : firstDifference(previous, entry, width);
            for (int i = firstChange; i < width; i++) {
                distinct[i]++;
            }
            if (n % step == 0) {
                boundaries.add(entry[0]);
            }
            previous = entry;
            n++;
        }
        if (previous != null) {
            boundaries.add(previous[0]);
        }
        return new IndexStatistics(n, distinct, boundaries.toArray());
    }

    private static int firstDifference(Object[] a, Object[] b, int width) {
        for (int i = 0; i < width; i++) {
            if (IndexLayout.compareValues(a[i], b[i]) != 0) {
                return i;
            }
        }
        return width;
    }

    public long entries() {
        return entries;
    }

    /** Distinct values of the first {@code width} columns together (NULL counts as one value). */
    public long distinct(int width) {
        return Math.max(1, distinct[width - 1]);
    }

    /** Estimated entries whose first {@code width} columns equal given values. */
    public double perValue(int width) {
        return (double) entries / distinct(width);
    }

    /**
     * Estimated entries whose first column equals {@code value} (NULL for IS NULL): a value found at
     * several histogram boundaries is that frequent; any other gets the average per distinct value.
     */
    public double equalTo(Object value) {
        for (int i = 0; i < frequentValues.length; i++) {
            if (IndexLayout.compareValues(frequentValues[i], value) == 0) {
                return frequentCounts[i];
            }
        }
        return perValue(1);
    }

    /**
     * Estimated fraction of entries whose first column lies between the bounds (a null bound is
     * open; NULL values are below every bound), from the histogram.
     */
    public double rangeFraction(Object low, Object high) {
        int buckets = boundaries.length - 1;
        if (buckets <= 0) {
            return 1;
        }
        double from = low == null ? firstNonNullPosition() : position(low);
        double to = high == null ? buckets : position(high);
        return Math.max(0, Math.min(1, (to - from) / buckets));
    }

    /** NULLs sort below every value here, whichever way the index orders them. */
    private double firstNonNullPosition() {
        int nulls = 0;
        for (Object b : boundaries) {
            if (b == null) {
                nulls++;
            }
        }
        return Math.max(0, nulls - 0.5);
    }

    /** Where a value falls among the boundaries, in buckets (a value inside a bucket counts half of it). */
    private double position(Object value) {
        int below = 0;
        int equal = 0;
        for (Object b : boundaries) {
            int c = IndexLayout.compareValues(b, value);
            if (c < 0) {
                below++;
            } else if (c == 0) {
                equal++;
            }
        }
        if (below == 0) {
            return 0;
        }
        if (below == boundaries.length) {
            return boundaries.length - 1;
        }
        return below - 0.5 + equal / 2.0;
    }
}
