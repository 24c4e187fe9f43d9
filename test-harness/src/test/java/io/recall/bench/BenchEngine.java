package io.recall.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The engines compared, each an in-memory database of this JVM reached through its JDBC driver. */
enum BenchEngine {
    RECALL("Recall", "jdbc:recall:mem:bench"),
    H2("H2", "jdbc:h2:mem:bench"),
    HSQLDB("HSQLDB", "jdbc:hsqldb:mem:bench");

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String label;
    private final String urlPrefix;

    BenchEngine(String label, String urlPrefix) {
        this.label = label;
        this.urlPrefix = urlPrefix;
    }

    String label() {
        return label;
    }

    /** A connection to a fresh, empty database. */
    Connection open() throws SQLException {
        return DriverManager.getConnection(urlPrefix + DATABASES.incrementAndGet());
    }

    /** Closes the connection and drops its database (HSQLDB keeps a memory database until SHUTDOWN). */
    void close(Connection c) throws SQLException {
        if (this == HSQLDB) {
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
        c.close();
    }
}
