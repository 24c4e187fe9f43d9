package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.count;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.SameAsH2.row;
import static io.recall.harness.SameAsH2.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CHECK constraints through JDBC: column and table constraints, NULL passes, 23514 naming the constraint. */
class CheckConstraintTest {
    private String url;
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, qty INT CHECK (qty > 0), lo INT, hi INT, "
                + "name VARCHAR(10) DEFAULT 'a' CONSTRAINT name_ok CHECK (name IN ('a', 'b', 'c')), "
                + "CHECK (lo < hi), CONSTRAINT lo_small CHECK (lo <= 100))");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void insertAndUpdateAreChecked() throws SQLException {
        exec(conn, "INSERT INTO c (id, qty, lo, hi) VALUES (1, 5, 1, 2)");
        SQLException e = assertFails(conn, "23514", "INSERT INTO c (id, qty, lo, hi) VALUES (2, 0, 1, 2)");
        assertTrue(e.getMessage().contains("C_QTY_CHECK") && e.getMessage().contains("PUBLIC.C"), e.getMessage());
        e = assertFails(conn, "23514", "INSERT INTO c (id, qty, lo, hi) VALUES (2, 1, 3, 2)");
        assertTrue(e.getMessage().contains("C_CHECK"), e.getMessage());
        e = assertFails(conn, "23514", "INSERT INTO c (id, qty, lo, hi, name) VALUES (2, 1, 1, 2, 'z')");
        assertTrue(e.getMessage().contains("NAME_OK"), e.getMessage());
        e = assertFails(conn, "23514", "INSERT INTO c (id, qty, lo, hi) VALUES (2, 1, 101, 200)");
        assertTrue(e.getMessage().contains("LO_SMALL"), e.getMessage());
        assertFails(conn, "23514", "UPDATE c SET qty = -1 WHERE id = 1");
        assertFails(conn, "23514", "UPDATE c SET lo = hi");
        exec(conn, "UPDATE c SET qty = qty + 1, hi = 50");
        assertEquals(List.of(6L), longs(conn, "SELECT qty FROM c"));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO c (id, qty, lo, hi) VALUES (?, ?, 1, 2)")) {
            ps.setInt(1, 3);
            ps.setInt(2, -3);
            assertEquals("23514", org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    ps::executeUpdate).getSQLState());
            ps.setInt(2, 3);
            assertEquals(1, ps.executeUpdate());
        }
    }

    @Test
    void nullPasses() throws SQLException {
        exec(conn, "INSERT INTO c (id, qty, lo, hi, name) VALUES (1, NULL, NULL, 2, NULL)",
                "INSERT INTO c (id, qty, lo, hi) VALUES (2, NULL, 5, NULL)");
        assertEquals(2, count(conn, "SELECT * FROM c"));
    }

    @Test
    void aFailingRowUndoesTheWholeStatementAndTheTransactionGoesOn() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO c (id, qty, lo, hi) VALUES (1, 1, 1, 2), (5, 1, 1, 2)");
        assertFails(conn, "23514", "INSERT INTO c (id, qty, lo, hi) VALUES (2, 1, 1, 2), (3, -1, 1, 2)");
        assertFails(conn, "23514", "UPDATE c SET qty = 3 - id");
        exec(conn, "INSERT INTO c (id, qty, lo, hi) VALUES (3, 1, 1, 2)");
        conn.commit();
        assertEquals(List.of(1L, 3L, 5L), longs(conn, "SELECT id FROM c ORDER BY id"));
        assertEquals(List.of(1L, 1L, 1L), longs(conn, "SELECT qty FROM c ORDER BY id"));
    }

    @Test
    void forbiddenContentsAreRefused() throws SQLException {
        assertFails(conn, "0A000", "CREATE TABLE x (a INT CHECK (a IN (SELECT id FROM c)))");
        assertFails(conn, "0A000", "CREATE TABLE x (a INT, CHECK (EXISTS (SELECT 1 FROM c)))");
        assertFails(conn, "42803", "CREATE TABLE x (a INT CHECK (COUNT(a) > 0))");
        assertFails(conn, "42P20", "CREATE TABLE x (a INT CHECK (ROW_NUMBER() OVER () > 0))");
        assertFails(conn, "42P16", "CREATE TABLE x (a INT CHECK (a > ?))");
        assertFails(conn, "42703", "CREATE TABLE x (a INT CHECK (b > 0))");
        assertFails(conn, "42P07", "CREATE TABLE x (a INT CONSTRAINT k CHECK (a > 0), CONSTRAINT k CHECK (a < 9))");
        assertFails(conn, "42P01", "SELECT * FROM x");
    }

    @Test
    void expressionsAndFunctionsWork() throws SQLException {
        exec(conn, "CREATE TABLE f (s VARCHAR(20) CHECK (LENGTH(TRIM(s)) >= 2 AND s NOT LIKE 'x%'), "
                + "d DATE, n DECIMAL(5,2), CHECK (n BETWEEN 0 AND 10 OR d IS NULL), CHECK (CASE WHEN n > 5 THEN s <> 'ab' ELSE TRUE END))");
        exec(conn, "INSERT INTO f VALUES ('ab', DATE '2020-01-01', 3.5)", "INSERT INTO f VALUES ('abc', NULL, 50)");
        assertFails(conn, "23514", "INSERT INTO f VALUES (' a ', NULL, 1)");
        assertFails(conn, "23514", "INSERT INTO f VALUES ('xyz', NULL, 1)");
        assertFails(conn, "23514", "INSERT INTO f VALUES ('abc', DATE '2020-01-01', 11)");
        assertFails(conn, "23514", "INSERT INTO f VALUES ('ab', NULL, 6)");
        assertEquals(2, count(conn, "SELECT * FROM f"));
    }

    @Test
    void constraintsSurviveTheStoredCatalogAndPreparedPlans() throws SQLException {
        // A second connection reads the same catalog; a prepared INSERT planned before the table is
        // re-created with a CHECK is planned again and sees it.
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO c (id, qty, lo, hi) VALUES (?, 1, 1, 2)")) {
            ps.setInt(1, 1);
            ps.executeUpdate();
            exec(conn, "DROP TABLE c", "CREATE TABLE c (id INT PRIMARY KEY CHECK (id < 10), qty INT, lo INT, hi INT)");
            ps.setInt(1, 20);
            assertEquals("23514", org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    ps::executeUpdate).getSQLState());
        }
        try (Connection other = Db.open(url)) {
            assertFails(other, "23514", "INSERT INTO c VALUES (11, 1, 1, 1)");
        }
    }

    @Test
    void sameAsH2() throws SQLException {
        try (SameAsH2 db = SameAsH2.open()) {
            db.both("CREATE TABLE t (id INT PRIMARY KEY, a INT CHECK (a >= 0), b INT, CHECK (a + b < 10))",
                    "INSERT INTO t VALUES (1, 1, 1)", "INSERT INTO t VALUES (2, NULL, 100)",
                    "INSERT INTO t VALUES (3, 0, NULL)", "UPDATE t SET b = b + 1 WHERE a IS NOT NULL");
            for (String bad : new String[]{"INSERT INTO t VALUES (4, -1, 0)", "INSERT INTO t VALUES (4, 5, 5)",
                    "UPDATE t SET b = 9 WHERE id = 1"}) {
                assertFails(db.recall, "23514", bad);
                assertEquals("23513", org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> exec(db.h2, bad)).getSQLState()); // H2's own code for a CHECK violation
            }
            db.check("SELECT * FROM t ORDER BY id", rows(row(1, 1, 2), row(2, null, 100), row(3, 0, null)));
        }
    }
}
