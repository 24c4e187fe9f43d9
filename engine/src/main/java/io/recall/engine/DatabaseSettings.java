package io.recall.engine;

import io.recall.parser.catalog.TableOptions;

/**
 * Settings fixed when a database is opened: its name, the default lock timeout of its sessions, the
 * storage and table type a table gets when CREATE TABLE does not say ({@code defaults}, both given),
 * and whether tables may keep rows on disc at all ({@code discTypesAllowed}: false for an in-memory
 * database, which refuses {@code disc_copies} and {@code disc_only_copies}).
 */
public record DatabaseSettings(String name, long lockTimeoutMillis, TableOptions defaults, boolean discTypesAllowed) {
    public static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 10_000;

    public DatabaseSettings {
        if (defaults == null || defaults.storage() == null || defaults.setType() == null) {
            throw new IllegalArgumentException("A database needs a default storage type and table type");
        }
        if (defaults.storage().onDisc() && !discTypesAllowed) {
            throw new IllegalArgumentException("Default storage " + defaults.storage().sqlName()
                    + " in a database that keeps nothing on disc");
        }
    }

    /** An in-memory database: {@code ram_copies, set} tables, no disc types. */
    public DatabaseSettings(String name, long lockTimeoutMillis) {
        this(name, lockTimeoutMillis, TableOptions.DEFAULT, false);
    }
}
