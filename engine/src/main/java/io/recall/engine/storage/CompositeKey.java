package io.recall.engine.storage;

import java.util.Arrays;

/** The key of a row whose primary key has several columns: value equality, not array identity. */
public final class CompositeKey {
    private final Object[] parts;
    private final int hash;

    public CompositeKey(Object[] parts) {
        this.parts = parts;
        this.hash = Arrays.hashCode(parts);
    }

    public int size() {
        return parts.length;
    }

    public Object part(int i) {
        return parts[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompositeKey k && hash == k.hash && Arrays.equals(parts, k.parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(parts);
    }
}
