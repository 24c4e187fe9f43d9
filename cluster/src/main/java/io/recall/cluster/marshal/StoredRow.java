package io.recall.cluster.marshal;

import java.util.Arrays;

/**
 * A row as a cache value that must marshal. Infinispan marshals a bare {@code Object[]} itself, element by element
 * with its own ProtoStream context (which has no {@code OffsetDateTime}), and never hands it to a user marshaller;
 * wrapped in this Recall-owned class the row reaches {@link RecallMarshaller} whole. The array is shared, not
 * copied: like a stored {@code Object[]}, it is never changed once stored.
 */
public final class StoredRow {
    private final Object[] values;

    public StoredRow(Object[] values) {
        this.values = values;
    }

    /** The row itself, not a copy: never change it. */
    public Object[] values() {
        return values;
    }

    /** Equal when the values are ({@code byte[]} by content). */
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredRow r && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
