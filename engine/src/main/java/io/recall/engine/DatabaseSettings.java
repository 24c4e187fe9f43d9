package io.recall.engine;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
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

    /** Refuses a disc storage type for {@code table} in a database that keeps nothing on disc ({@code 0A000}). */
    public void checkStorage(TableOptions options, String table) {
        if (options.storage().onDisc() && !discTypesAllowed) {
            throw new RecallException(ErrorCode.NOT_SUPPORTED, "Table " + table + " cannot be "
                    + options.storage().sqlName() + ": database " + name + " is in memory only; a table"
                    + " on disc needs a database opened with a jdbc:recall:file: URL");
        }
    }

    /** An in-memory database: {@code ram_copies, set} tables, no disc types. */
    public DatabaseSettings(String name, long lockTimeoutMillis) {
        this(name, lockTimeoutMillis, TableOptions.DEFAULT, false);
    }
}
