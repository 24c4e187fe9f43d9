package io.recall.parser.catalog;

import java.util.Locale;

/**
 * Where a table's rows live, in Mnesia's terms: in memory only ({@code ram_copies}), in memory with
 * every commit also on disc ({@code disc_copies}), or on disc with only a bounded part cached in
 * memory ({@code disc_only_copies}).
 */
public enum StorageType {
    RAM_COPIES,
    DISC_COPIES,
    DISC_ONLY_COPIES;

    /** The name SQL uses: {@code ram_copies}, {@code disc_copies}, {@code disc_only_copies}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the types that keep rows on disc (they need a {@code file:} database). */
    public boolean onDisc() {
        return this != RAM_COPIES;
    }

    /** The type of that SQL name (any case), or null. */
    public static StorageType fromSql(String name) {
        for (StorageType t : values()) {
            if (t.sqlName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }
}
