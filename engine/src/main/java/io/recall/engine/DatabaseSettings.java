package io.recall.engine;

/** Settings fixed when a database is opened: its name and the default lock timeout of its sessions. */
public record DatabaseSettings(String name, long lockTimeoutMillis) {
    public static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 10_000;
}
