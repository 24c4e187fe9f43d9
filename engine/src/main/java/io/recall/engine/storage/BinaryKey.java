package io.recall.engine.storage;

import java.util.Arrays;
import java.util.HexFormat;

/** A binary primary-key value compared by content. */
public record BinaryKey(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
}
