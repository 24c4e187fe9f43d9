package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves what a streamed result set (a query run with a fetch size) gives through JDBC: the same rows as a fully read
// one, its own transaction's writes, rows still readable after commit (holdable), writes between fetches in the same
// transaction, commits of other connections going on while it is open, and closing it early stopping the query.
// The memory side (results larger than the heap) is StreamingMemoryTest.
class StreamingResultSetTest {
    private static final int ROWS = 1_000;
    private Connection conn;
    private String url;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        exec(conn, "INSERT INTO t SELECT x, x * 2 FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
                + " WHERE x < " + ROWS + ") SELECT x FROM c) s");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static List<Long> read(ResultSet rs) throws SQLException {
        List<Long> ids = new ArrayList<>();
        while (rs.next()) {
            ids.add(rs.getLong(1));
        }
        return ids;
    }

    @Test
    void streamedRowsAreTheFullyReadRows() throws SQLException {
        List<Long> all = longs(conn, "SELECT id FROM t ORDER BY id");
        for (int fetch : new int[]{1, 7, 100, ROWS, ROWS + 1}) {
            try (Statement st = conn.createStatement()) {
                st.setFetchSize(fetch);
                try (ResultSet rs = st.executeQuery("SELECT id FROM t ORDER BY id")) {
                    assertEquals(fetch, rs.getFetchSize());
                    assertEquals(all, read(rs), "fetch size " + fetch);
                }
                try (ResultSet rs = st.executeQuery("SELECT a.id FROM t a JOIN t b ON b.id = a.id WHERE a.v > 10")) {
                    assertEquals(ROWS - 5, read(rs).size());
                }
            }
        }
    }

    @Test
    void aQueryThatCannotFillABatchIsReadAtOnce() throws SQLException {
        // a primary-key lookup, an aggregate without GROUP BY and a small LIMIT give at most that many rows whatever
        // the data: they run as without a fetch size, with no thread of their own
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(10);
            for (String sql : new String[]{"SELECT id FROM t WHERE id = 5", "SELECT id FROM t WHERE id IN (5, 6)",
                    "SELECT COUNT(*) FROM t", "SELECT id FROM t ORDER BY v LIMIT 3", "SELECT id FROM t LIMIT 10"}) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    assertEquals(0, producerThreads(), sql);
                    assertTrue(rs.next(), sql);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id FROM t LIMIT 11")) {
                assertEquals(1, producerThreads());
                assertEquals(11, read(rs).size());
            }
        }
    }

    @Test
    void parametersSetWhileAResultIsOpenWaitForTheNextExecution() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM t WHERE v > ?")) {
            ps.setFetchSize(5);
            ps.setInt(1, 100);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                ps.setInt(1, 1_000_000); // for the next execution only
                assertEquals(ROWS - 50, 1 + read(rs).size());
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void cursorPositionAcrossBatches() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(3);
            try (ResultSet rs = st.executeQuery("SELECT id FROM t WHERE id <= 6 ORDER BY id")) {
                assertTrue(rs.isBeforeFirst());
                for (int i = 1; i <= 6; i++) {
                    assertTrue(rs.next());
                    assertEquals(i, rs.getRow());
                    assertEquals(i == 1, rs.isFirst());
                    assertEquals(i == 6, rs.isLast(), "row " + i);
                }
                assertFalse(rs.next());
                assertTrue(rs.isAfterLast());
                assertEquals(0, rs.getRow());
            }
        }
    }

    @Test
    void maxRowsLimitsAStreamedResult() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(4);
            st.setMaxRows(10);
            try (ResultSet rs = st.executeQuery("SELECT id FROM t")) {
                assertEquals(10, read(rs).size());
            }
        }
    }

    @Test
    void insideATransactionTheCursorSeesItsOwnWritesAndStaysReadableAfterCommit() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO t VALUES (" + (ROWS + 1) + ", 0)", "DELETE FROM t WHERE id = 1");
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM t ORDER BY id")) {
            ps.setFetchSize(10);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(2, rs.getLong(1));
                conn.commit(); // holdable: the rest is read before the transaction ends
                List<Long> rest = read(rs);
                assertEquals(ROWS - 1, rest.size());
                assertEquals(ROWS + 1, rest.get(rest.size() - 1));
            }
        }
        conn.setAutoCommit(true);
        assertEquals((long) ROWS, scalar(conn, "SELECT COUNT(*) FROM t"));
    }

    @Test
    void writesBetweenFetchesInTheSameTransaction() throws SQLException {
        conn.setAutoCommit(false);
        int seen = 0;
        try (Statement st = conn.createStatement();
             PreparedStatement update = conn.prepareStatement("UPDATE t SET v = -v WHERE id = ?")) {
            st.setFetchSize(50);
            try (ResultSet rs = st.executeQuery("SELECT id, v FROM t")) {
                while (rs.next()) {
                    assertTrue(rs.getInt(2) > 0, "row " + rs.getInt(1) + " seen twice");
                    update.setInt(1, rs.getInt(1));
                    assertEquals(1, update.executeUpdate());
                    seen++;
                }
            }
        }
        conn.commit();
        assertEquals(ROWS, seen);
        assertEquals((long) ROWS, scalar(conn, "SELECT COUNT(*) FROM t WHERE v < 0"));
    }

    @Test
    void anOpenCursorDoesNotHoldUpCommitsOfOthers() throws Exception {
        try (Statement st = conn.createStatement(); Connection other = Db.open(url)) {
            st.setFetchSize(10);
            try (ResultSet rs = st.executeQuery("SELECT id FROM t")) {
                assertTrue(rs.next());
                // a commit takes the exclusive side of the commit gate: it would wait forever if the cursor held it
                CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                    try {
                        other.setAutoCommit(false);
                        exec(other, "UPDATE t SET v = 0 WHERE id = 500");
                        other.commit();
                    } catch (SQLException e) {
                        throw new RuntimeException(e);
                    }
                });
                writes.get(60, TimeUnit.SECONDS);
                int n = 1;
                while (rs.next()) {
                    n++;
                }
                assertEquals(ROWS, n);
            }
        }
    }

    @Test
    void ddlWhileACursorIsOpenGoesOnAndFailsTheCursorsNextFetchWith40001() throws SQLException {
        for (String ddl : new String[]{"CREATE INDEX t_v ON t (v)", "DROP TABLE t"}) {
            try (Statement st = conn.createStatement(); Connection other = Db.open(url)) {
                st.setFetchSize(10);
                try (ResultSet rs = st.executeQuery("SELECT id FROM t")) {
                    assertTrue(rs.next());
                    exec(other, ddl); // does not wait for the cursor
                    // a dropped table's rows are gone from under the cursor: it must fail, never end early
                    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> {
                        while (rs.next()) {
                            // the rest of the batch read before the DDL
                        }
                    });
                    assertEquals("40001", e.getSQLState(), ddl);
                }
            }
        }
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY)");
        assertEquals(0L, scalar(conn, "SELECT COUNT(*) FROM t"));
    }

    @Test
    void closingEarlyStopsTheQuery() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(5);
            for (int i = 0; i < 20; i++) {
                ResultSet rs = st.executeQuery("SELECT a.id, b.id FROM t a, t b");
                assertTrue(rs.next());
                rs.close();
                assertEquals(0, producersRunning(), "a closed cursor's query still runs");
            }
            ResultSet rs = st.executeQuery("SELECT a.id, b.id FROM t a, t b");
            assertTrue(rs.next());
            assertEquals(1, producerThreads());
            st.executeQuery("SELECT 1").close(); // a new execution closes the statement's open result set
            assertEquals(0, producersRunning());
            assertTrue(rs.isClosed());
        }
        assertEquals((long) ROWS, scalar(conn, "SELECT COUNT(*) FROM t"));
    }

    @Test
    void closingEarlyInsideATransactionLeavesTheTransactionUsable() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO t VALUES (0, 0)");
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(5);
            ResultSet rs = st.executeQuery("SELECT a.id, b.id FROM t a, t b");
            assertTrue(rs.next());
            rs.close();
            assertEquals(0, producersRunning());
        }
        exec(conn, "UPDATE t SET v = -1 WHERE id = 0");
        conn.commit();
        conn.setAutoCommit(true);
        assertEquals(-1, scalar(conn, "SELECT v FROM t WHERE id = 0"));
    }

    @Test
    void closingTheConnectionStopsItsCursors() throws SQLException {
        Connection c = Db.open(url);
        Statement st = c.createStatement();
        st.setFetchSize(5);
        ResultSet rs = st.executeQuery("SELECT a.id, b.id FROM t a, t b");
        assertTrue(rs.next());
        c.close();
        assertTrue(rs.isClosed());
        assertEquals(0, producersRunning());
    }

    /**
     * Threads running a streamed query (parked between batches or reading one), once those whose cursor was closed
     * have returned (close waits for the query to stop; the thread leaves the method a moment later).
     */
    static int producersRunning() {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int n = producerThreads();
        while (n > 0 && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
            n = producerThreads();
        }
        return n;
    }

    private static int producerThreads() {
        int n = 0;
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().endsWith("StreamingCursor") && frame.getMethodName().equals("produce")) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
