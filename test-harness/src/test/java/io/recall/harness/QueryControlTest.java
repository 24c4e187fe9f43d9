package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves Statement.setQueryTimeout, Statement.cancel from another thread and setMaxRows on queries that would run for
// many minutes (a three-way cross join of 2,000 rows is 8 billion rows): the timeout and the cancel end them with
// 57014 (SQLTimeoutException), during execute and during a later fetch of a streamed result set, and max rows stops
// the query once it has its rows. The preemptive timeouts only keep a broken build from hanging; nothing is timed.
class QueryControlTest {
    private static final String SLOW_COUNT = "SELECT COUNT(*) FROM t a, t b, t c";
    /** Five rows at once, then the slow count: with a fetch size of 5 the execute returns, the sixth row is slow. */
    private static final String FAST_THEN_SLOW = "SELECT id FROM t WHERE id <= 5 UNION ALL " + SLOW_COUNT;
    private static final Duration LIVENESS = Duration.ofSeconds(120);
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY)");
        exec(conn, "INSERT INTO t SELECT x FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
                + " WHERE x < 2000) SELECT x FROM c) s");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void queryTimeoutStopsALongQuery() {
        assertTimeoutPreemptively(LIVENESS, () -> {
            try (Statement st = conn.createStatement()) {
                st.setQueryTimeout(1);
                SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(SLOW_COUNT));
                assertEquals("57014", e.getSQLState());
                assertInstanceOf(SQLTimeoutException.class, e);
            }
            assertEquals(2000L, scalar(conn, "SELECT COUNT(*) FROM t")); // the connection goes on
        });
    }

    @Test
    void queryTimeoutStopsAFetchOfAStreamedResult() {
        assertTimeoutPreemptively(LIVENESS, () -> {
            for (boolean transaction : new boolean[]{false, true}) {
                conn.setAutoCommit(!transaction);
                try (Statement st = conn.createStatement()) {
                    st.setQueryTimeout(1);
                    st.setFetchSize(5);
                    try (ResultSet rs = st.executeQuery(FAST_THEN_SLOW)) {
                        for (int i = 0; i < 5; i++) {
                            assertTrue(rs.next());
                        }
                        SQLException e = assertThrows(SQLException.class, rs::next);
                        assertEquals("57014", e.getSQLState());
                    }
                }
                if (transaction) {
                    conn.commit();
                }
            }
            conn.setAutoCommit(true);
            assertEquals(2000L, scalar(conn, "SELECT COUNT(*) FROM t"));
        });
    }

    @Test
    void cancelFromAnotherThreadStopsALongQuery() {
        assertTimeoutPreemptively(LIVENESS, () -> {
            try (Statement st = conn.createStatement()) {
                CompletableFuture<Void> query = CompletableFuture.runAsync(() -> {
                    try {
                        st.executeQuery(SLOW_COUNT).close();
                    } catch (SQLException e) {
                        throw new RuntimeException(e);
                    }
                });
                SQLException e = cancelUntilDone(st, query);
                assertEquals("57014", e.getSQLState());
            }
            assertEquals(2000L, scalar(conn, "SELECT COUNT(*) FROM t"));
        });
    }

    @Test
    void cancelFromAnotherThreadStopsAFetchOfAStreamedResult() {
        assertTimeoutPreemptively(LIVENESS, () -> {
            try (Statement st = conn.createStatement()) {
                st.setFetchSize(5);
                ResultSet rs = st.executeQuery(FAST_THEN_SLOW);
                for (int i = 0; i < 5; i++) {
                    assertTrue(rs.next());
                }
                CompletableFuture<Void> fetch = CompletableFuture.runAsync(() -> {
                    try {
                        rs.next();
                    } catch (SQLException e) {
                        throw new RuntimeException(e);
                    }
                });
                SQLException e = cancelUntilDone(st, fetch);
                assertEquals("57014", e.getSQLState());
                rs.close();
            }
            assertEquals(2000L, scalar(conn, "SELECT COUNT(*) FROM t"));
        });
    }

    /**
     * Cancels again and again until the statement ends (a cancel that comes before the statement starts does nothing,
     * as in PostgreSQL), and returns what it ended with.
     */
    private static SQLException cancelUntilDone(Statement st, CompletableFuture<Void> running) throws Exception {
        while (!running.isDone()) {
            st.cancel();
            try {
                running.get(50, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillRunning) {
                // cancel again
            } catch (ExecutionException ended) {
                break;
            }
        }
        ExecutionException e = assertThrows(ExecutionException.class, running::get);
        return assertInstanceOf(SQLException.class, e.getCause().getCause());
    }

    @Test
    void maxRowsStopsTheQueryAtTheSource() {
        // 8 billion rows: only a query that stops once it has its rows ends, and in a test's heap
        assertTimeoutPreemptively(LIVENESS, () -> {
            for (int fetch : new int[]{0, 2}) {
                try (Statement st = conn.createStatement()) {
                    st.setMaxRows(5);
                    st.setFetchSize(fetch);
                    try (ResultSet rs = st.executeQuery("SELECT a.id, b.id, c.id FROM t a, t b, t c")) {
                        int n = 0;
                        while (rs.next()) {
                            n++;
                        }
                        assertEquals(5, n, "fetch size " + fetch);
                    }
                }
            }
        });
    }
}
