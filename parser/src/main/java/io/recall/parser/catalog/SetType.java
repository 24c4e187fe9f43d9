package io.recall.parser.catalog;

import java.util.Locale;

/**
 * A table's type, in Mnesia's terms: {@code set} (rows hashed by key, no order promised) or
 * {@code ordered_set} (rows kept in primary-key order: a read of the table alone returns them in
 * key order, and key ranges are read in order).
 */
public enum SetType {
    SET,
    ORDERED_SET;

    /** The name SQL uses: {@code set} or {@code ordered_set}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of that SQL name (any case), or null. */
    public static SetType fromSql(String name) {
        for (SetType t : values()) {
            if (t.sqlName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }
}
