package io.recall.driver;

import java.util.List;

/**
 * One entry of a table's Infinispan cache as Recall stores it: the cache (the table's storage name, such as
 * {@code t2}), the key (the primary-key value, several in parentheses, or a hidden row id) and the row, an
 * {@code Object[]} in column order, each value rendered as text (strings in double quotes, {@code null}, binary
 * as {@code X'..'}, others as their Java value). From {@link RecallConnection#storedEntries}.
 */
public record StoredEntry(String storageName, String key, List<String> row) {
    public StoredEntry {
        row = List.copyOf(row);
    }

    /** {@code cache t2  key 1 -> [1, "Ada", null]}. */
    @Override
    public String toString() {
        return "cache " + storageName + "  key " + key + " -> [" + String.join(", ", row) + "]";
    }
}
