package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertSqlState;
import static io.recall.harness.Db.count;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves each documented failure carries its SQLState and that a failed statement changes nothing.
class ErrorCodesTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(3), n SMALLINT, d DECIMAL(5,2),"
                + " i INTEGER, req VARCHAR(10) NOT NULL)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void valueTooLong22001() throws SQLException {
        assertFails(conn, "22001", "INSERT INTO t (id, s, req) VALUES (1, 'abcd', 'r')");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t (id, s, req) VALUES (2, ?, 'r')")) {
            ps.setString(1, "toolong");
            assertSqlState("22001", ps::executeUpdate);
        }
        exec(conn, "INSERT INTO t (id, s, req) VALUES (3, 'abc', 'r')");
        assertFails(conn, "22001", "UPDATE t SET s = 'wxyz' WHERE id = 3");
    }

    @Test
    void numericOutOfRange22003() throws SQLException {
        assertFails(conn, "22003", "INSERT INTO t (id, n, req) VALUES (1, 40000, 'r')");
        assertFails(conn, "22003", "INSERT INTO t (id, i, req) VALUES (1, 3000000000, 'r')");
        assertFails(conn, "22003", "INSERT INTO t (id, d, req) VALUES (1, 12345.67, 'r')");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t (id, n, req) VALUES (2, ?, 'r')")) {
            ps.setInt(1, -40000);
            assertSqlState("22003", ps::executeUpdate);
        }
        assertEquals(0, count(conn, "SELECT * FROM t"));
    }

    @Test
    void invalidCast22018() throws SQLException {
        assertFails(conn, "22018", "INSERT INTO t (id, i, req) VALUES (1, 'abc', 'r')");
        assertFails(conn, "22018", "SELECT CAST('abc' AS INTEGER)");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t (id, i, req) VALUES (2, ?, 'r')")) {
            ps.setString(1, "not a number");
            assertSqlState("22018", ps::executeUpdate);
        }
    }

    @Test
    void notNullViolation23502() throws SQLException {
        assertFails(conn, "23502", "INSERT INTO t (id, req) VALUES (1, NULL)");
        assertFails(conn, "23502", "INSERT INTO t (id) VALUES (1)");
        assertFails(conn, "23502", "INSERT INTO t (id, req) VALUES (NULL, 'r')");
    }

    @Test
    void duplicateKey23505() throws SQLException {
        exec(conn, "INSERT INTO t (id, req) VALUES (1, 'a'), (2, 'b')");
        assertFails(conn, "23505", "INSERT INTO t (id, req) VALUES (1, 'c')");
        assertFails(conn, "23505", "UPDATE t SET id = 2 WHERE id = 1");
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM t ORDER BY id"));
    }

    @Test
    void unknownTable42P01() {
        assertFails(conn, "42P01", "SELECT * FROM nope");
        assertFails(conn, "42P01", "INSERT INTO nope VALUES (1)");
        assertFails(conn, "42P01", "UPDATE nope SET x = 1");
        assertFails(conn, "42P01", "DELETE FROM nope");
        assertFails(conn, "42P01", "DROP TABLE nope");
        assertFails(conn, "42P01", "SELECT * FROM public.nope");
    }

    @Test
    void unknownColumn42703() {
        assertFails(conn, "42703", "SELECT nope FROM t");
        assertFails(conn, "42703", "SELECT id FROM t WHERE nope = 1");
        assertFails(conn, "42703", "SELECT id FROM t ORDER BY nope");
        assertFails(conn, "42703", "INSERT INTO t (id, nope) VALUES (1, 2)");
        assertFails(conn, "42703", "UPDATE t SET nope = 1");
        assertFails(conn, "42703", "UPDATE t SET s = 'x' WHERE nope = 1");
        assertFails(conn, "42703", "DELETE FROM t WHERE nope = 1");
    }

    @Test
    void syntaxError42601ReportsLineAndColumn() {
        for (String sql : List.of("SELEC 1", "SELECT * FROM", "INSERT INTO t VALUES (", "CREATE TABLE x (id INT",
                "SELECT 1 FROM t WHERE", "UPDATE t SET", "DELETE t WHERE id = 1 1")) {
            SQLException e = assertFails(conn, "42601", sql);
            String msg = e.getMessage().toLowerCase(Locale.ROOT);
            assertTrue(msg.contains("line") && msg.contains("column"), "no position in: " + e.getMessage());
        }
    }

    @Test
    void syntaxErrorOnSecondLineNamesThatLine() {
        SQLException e = assertFails(conn, "42601", "SELECT id\nFROM t WHERE WHERE id = 1");
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("line 2"), e.getMessage());
    }

    @Test
    void divisionByZero22012() throws SQLException {
        assertFails(conn, "22012", "SELECT 1 / 0");
        assertFails(conn, "22012", "SELECT MOD(5, 0)");
        exec(conn, "INSERT INTO t (id, i, req) VALUES (1, 10, 'r')");
        assertFails(conn, "22012", "SELECT i / (id - 1) FROM t");
        assertFails(conn, "22012", "UPDATE t SET i = i / 0");
        assertEquals(List.of(10L), longs(conn, "SELECT i FROM t"));
    }

    @Test
    void unsupportedSqlIs0A000() throws SQLException {
        exec(conn, "CREATE TABLE u (id INT PRIMARY KEY, t_id INT)",
                "INSERT INTO t (id, req) VALUES (1, 'a')", "INSERT INTO u VALUES (1, 1)");
        for (String sql : List.of(
                "SELECT DISTINCT ON (id) id FROM t",
                "SELECT req, COUNT(*) FROM t GROUP BY GROUPING SETS ((req), ())",
                "SELECT COUNT(*) FILTER (WHERE id > 0) FROM t",
                "SELECT SUM(id) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t",
                "SELECT STRING_AGG(req, ',') FROM t",
                "SELECT * FROM t WHERE (id, req) IN (SELECT id, req FROM t)")) {
            assertFails(conn, "0A000", sql);
        }
    }

    @Test
    void checkAndForeignKeyConstraintsAreEnforced() throws SQLException {
        Db.exec(conn, "CREATE TABLE c2 (id INT PRIMARY KEY, n INT CHECK (n > 0))",
                "CREATE TABLE c3 (id INT PRIMARY KEY, t_id INT REFERENCES t(id))",
                "CREATE TABLE c4 (id INT, t_id INT, FOREIGN KEY (t_id) REFERENCES t(id))",
                "CREATE TABLE c6 (id INT, n INT UNIQUE, CHECK (n > 0))");
        assertFails(conn, "23514", "INSERT INTO c2 VALUES (1, 0)");
        assertFails(conn, "23514", "INSERT INTO c6 VALUES (1, -1)");
        assertFails(conn, "23503", "INSERT INTO c3 VALUES (1, 12345)");
        assertFails(conn, "23503", "INSERT INTO c4 VALUES (1, 12345)");
        assertFails(conn, "42830", "CREATE TABLE c7 (id INT, t_id INT REFERENCES c6 (id))");
        assertFails(conn, "0A000", "CREATE TABLE c8 (id INT, t_id INT, FOREIGN KEY (t_id) REFERENCES t(id) MATCH FULL)");
        for (String name : List.of("c7", "c8")) {
            assertFails(conn, "42P01", "SELECT * FROM " + name);
        }
    }

    @Test
    void uniqueConstraintsAreEnforced() throws SQLException {
        Db.exec(conn, "CREATE TABLE c1 (id INT PRIMARY KEY, email VARCHAR(20) UNIQUE)",
                "CREATE TABLE c5 (id INT, n INT, UNIQUE (n))",
                "INSERT INTO c1 VALUES (1, 'a')", "INSERT INTO c5 VALUES (1, 1)");
        assertFails(conn, "23505", "INSERT INTO c1 VALUES (2, 'a')");
        assertFails(conn, "23505", "INSERT INTO c5 VALUES (2, 1)");
    }

    @Test
    void savepointErrors() throws SQLException {
        assertSqlState("25P01", conn::setSavepoint);
        assertFails(conn, "25P01", "SAVEPOINT a");
        conn.setAutoCommit(false);
        assertFails(conn, "3B001", "ROLLBACK TO SAVEPOINT nowhere");
        assertFails(conn, "3B001", "RELEASE nowhere");
        var first = conn.setSavepoint("first");
        conn.releaseSavepoint(first);
        assertSqlState("3B001", () -> conn.rollback(first));
        conn.rollback();
    }

    @Test
    void failedMultiRowInsertInsertsNothing() throws SQLException {
        assertFails(conn, "23505", "INSERT INTO t (id, req) VALUES (1, 'a'), (2, 'b'), (1, 'c')");
        assertFails(conn, "23502", "INSERT INTO t (id, req) VALUES (1, 'a'), (2, 'b'), (3, NULL)");
        assertFails(conn, "22001", "INSERT INTO t (id, s, req) VALUES (1, 'a', 'a'), (2, 'b', 'b'), (3, 'long', 'c')");
        assertEquals(0, count(conn, "SELECT * FROM t"));
    }

    @Test
    void failedMultiRowUpdateUpdatesNothing() throws SQLException {
        exec(conn, "INSERT INTO t (id, n, req) VALUES (1, 1, 'a'), (2, 32767, 'b'), (3, 3, 'c')");
        assertFails(conn, "22003", "UPDATE t SET n = n + 1");
        assertEquals(List.of(1L, 32767L, 3L), longs(conn, "SELECT n FROM t ORDER BY id"));
        assertFails(conn, "22012", "UPDATE t SET n = 6 / (id - 2)");
        assertEquals(List.of(1L, 32767L, 3L), longs(conn, "SELECT n FROM t ORDER BY id"));
    }

    @Test
    void failedDeleteDeletesNothing() throws SQLException {
        exec(conn, "INSERT INTO t (id, req) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        assertFails(conn, "22012", "DELETE FROM t WHERE 1 / (id - 2) >= -1");
        assertEquals(List.of(1L, 2L, 3L), longs(conn, "SELECT id FROM t ORDER BY id"));
    }
}
