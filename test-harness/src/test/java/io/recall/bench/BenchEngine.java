package io.recall.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engines compared, each a database of this JVM reached through its JDBC driver: in memory (the default
 * set), or on disc in {@code target/bench-db} (Recall's disc_copies with and without sync, its disc_only_copies,
 * and H2's file database), for the cost of durability and of rows that are not all in memory.
 */
enum BenchEngine {
    RECALL("Recall", "jdbc:recall:mem:bench", ""),
    H2("H2", "jdbc:h2:mem:bench", ""),
    HSQLDB("HSQLDB", "jdbc:hsqldb:mem:bench", ""),
    RECALL_FILE("Recall file, sync", "jdbc:recall:file:" + discFolder() + "/recall-sync-", ""),
    RECALL_FILE_NOSYNC("Recall file, no sync", "jdbc:recall:file:" + discFolder() + "/recall-nosync-", ";sync=false"),
    RECALL_DISC_ONLY("Recall disc_only, no sync", "jdbc:recall:file:" + discFolder() + "/recall-disconly-",
            ";sync=false;storage=disc_only_copies"),
    H2_FILE("H2 file", "jdbc:h2:file:" + discFolder() + "/h2-", "");

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String label;
    private final String urlPrefix;
    private final String urlSuffix;

    BenchEngine(String label, String urlPrefix, String urlSuffix) {
        this.label = label;
        this.urlPrefix = urlPrefix;
        this.urlSuffix = urlSuffix;
    }

    private static String discFolder() {
        return java.nio.file.Path.of("target", "bench-db", Long.toString(ProcessHandle.current().pid()))
                .toAbsolutePath().toString();
    }

    String label() {
        return label;
    }

    /**
     * A connection to a fresh, empty database, at the isolation level {@code -Dbench.isolation=} names
     * ({@code read_committed}, {@code repeatable_read}, {@code serializable}; default the engine's own).
     */
    Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(urlPrefix + DATABASES.incrementAndGet() + urlSuffix);
        String isolation = System.getProperty("bench.isolation", "");
        switch (isolation) {
            case "" -> { }
            case "read_committed" -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            case "repeatable_read" -> c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            case "serializable" -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            default -> throw new IllegalArgumentException("bench.isolation: " + isolation);
        }
        return c;
    }

    /**
     * Closes the connection and drops its database (HSQLDB keeps a memory database until SHUTDOWN; a database on
     * disc stays in target/bench-db until {@code mvn clean}).
     */
    void close(Connection c) throws SQLException {
        if (this == HSQLDB) {
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
        c.close();
    }
}
