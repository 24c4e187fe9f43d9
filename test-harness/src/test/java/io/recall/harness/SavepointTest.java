package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertSqlState;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

// Savepoints through JDBC and in SQL: what they undo (rows, unique claims, indexes, foreign keys), what they keep.
class SavepointTest {
    private String url;
    private Connection conn;
    private Connection other;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        other = DriverManager.getConnection(url + ";lock_timeout=500");
        exec(conn, "CREATE TABLE acct (id INT PRIMARY KEY, name VARCHAR(20) UNIQUE, bal INT)",
                "CREATE INDEX acct_bal ON acct (bal)",
                "CREATE TABLE entry (id INT PRIMARY KEY, acct INT REFERENCES acct (id), amount INT)",
                "INSERT INTO acct VALUES (1, 'ann', 100), (2, 'bob', 50)");
        conn.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        other.close();
        conn.close();
    }

    @Test
    void rollbackToSavepointUndoesOnlyTheLaterWrites() throws SQLException {
        exec(conn, "UPDATE acct SET bal = bal - 10 WHERE id = 1");
        Savepoint afterDebit = conn.setSavepoint();
        exec(conn, "INSERT INTO acct VALUES (3, 'cy', 7)", "UPDATE acct SET bal = 0 WHERE id = 2",
                "DELETE FROM acct WHERE id = 1");
        conn.rollback(afterDebit);
        assertEquals(List.of(90L, 50L), longs(conn, "SELECT bal FROM acct ORDER BY id"));
        // the savepoint is still set: it can be rolled back to again
        exec(conn, "INSERT INTO acct VALUES (4, 'di', 1)");
        conn.rollback(afterDebit);
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM acct ORDER BY id"));
        conn.commit();
        assertEquals(List.of(90L, 50L), longs(other, "SELECT bal FROM acct ORDER BY id"));
    }

    @Test
    void undoneRowsLeaveIndexesAndUniqueValuesAsTheyWere() throws SQLException {
        Savepoint sp = conn.setSavepoint("before_rename");
        exec(conn, "UPDATE acct SET name = 'zed', bal = 999 WHERE id = 1", "INSERT INTO acct VALUES (5, 'ann2', 999)");
        conn.rollback(sp);
        // the unique value 'zed' is free again and 'ann' still taken; the index no longer finds 999
        exec(conn, "INSERT INTO acct VALUES (6, 'zed', 1)");
        assertFails(conn, "23505", "INSERT INTO acct VALUES (7, 'ann', 1)");
        assertEquals(List.of(), longs(conn, "SELECT id FROM acct WHERE bal = 999"));
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM acct WHERE bal = 100"));
        conn.commit();
        assertEquals(List.of("ann", "bob", "zed"), strings(other, "SELECT name FROM acct ORDER BY id"));
        // another connection can take the value the rolled-back update had claimed
        exec(other, "UPDATE acct SET name = 'ann2' WHERE id = 2");
    }

    @Test
    void nestedSavepointsInSql() throws SQLException {
        exec(conn, "INSERT INTO entry VALUES (1, 1, 5)", "SAVEPOINT a", "INSERT INTO entry VALUES (2, 1, 6)",
                "SAVEPOINT b", "INSERT INTO entry VALUES (3, 2, 7)", "ROLLBACK TO SAVEPOINT b");
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM entry ORDER BY id"));
        exec(conn, "INSERT INTO entry VALUES (4, 2, 8)", "ROLLBACK TO a");
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM entry ORDER BY id"));
        // rolling back to a removed the later savepoint b
        assertFails(conn, "3B001", "ROLLBACK TO b");
        exec(conn, "INSERT INTO entry VALUES (5, 2, 9)", "RELEASE SAVEPOINT a");
        assertFails(conn, "3B001", "ROLLBACK TO a");
        exec(conn, "COMMIT");
        assertEquals(List.of(1L, 5L), longs(other, "SELECT id FROM entry ORDER BY id"));
    }

    @Test
    void aFailedStatementAfterASavepointIsUndoneAloneAndTheSavepointStillWorks() throws SQLException {
        Savepoint sp = conn.setSavepoint();
        exec(conn, "INSERT INTO entry VALUES (1, 1, 5)");
        assertFails(conn, "23503", "INSERT INTO entry VALUES (2, 99, 5)");
        assertFails(conn, "23505", "INSERT INTO acct VALUES (8, 'x', 1), (1, 'y', 2)");
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM entry"));
        conn.rollback(sp);
        assertEquals(List.of(), longs(conn, "SELECT id FROM entry"));
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM acct ORDER BY id"));
        conn.commit();
    }

    @Test
    void aRolledBackDeleteRestoresTheRowForForeignKeys() throws SQLException {
        exec(conn, "INSERT INTO entry VALUES (1, 2, 5)");
        Savepoint sp = conn.setSavepoint();
        exec(conn, "DELETE FROM entry WHERE acct = 2", "DELETE FROM acct WHERE id = 2");
        conn.rollback(sp);
        assertFails(conn, "23503", "DELETE FROM acct WHERE id = 2");
        conn.commit();
        assertEquals(List.of(1L), longs(other, "SELECT id FROM entry"));
    }

    @Test
    void savepointsEndWithTheTransaction() throws SQLException {
        Savepoint sp = conn.setSavepoint("s");
        exec(conn, "INSERT INTO entry VALUES (1, 1, 5)");
        conn.commit();
        assertSqlState("3B001", () -> conn.rollback(sp));
        assertSqlState("3B001", () -> conn.releaseSavepoint(sp));
        Savepoint next = conn.setSavepoint("s");
        exec(conn, "INSERT INTO entry VALUES (2, 1, 5)");
        conn.rollback();
        assertSqlState("3B001", () -> conn.rollback(next));
        assertEquals(List.of(1L), longs(other, "SELECT id FROM entry"));
    }

    @Test
    void namesAndIdsFollowJdbc() throws SQLException {
        Savepoint named = conn.setSavepoint("Mixed Case");
        Savepoint unnamed = conn.setSavepoint();
        assertEquals("Mixed Case", named.getSavepointName());
        assertSqlState("3B001", named::getSavepointId);
        assertSqlState("3B001", unnamed::getSavepointName);
        exec(conn, "INSERT INTO entry VALUES (1, 1, 5)");
        // a JDBC name is a quoted identifier in SQL
        exec(conn, "ROLLBACK TO SAVEPOINT \"Mixed Case\"");
        assertEquals(List.of(), longs(conn, "SELECT id FROM entry"));
        // the unnamed savepoint was later than the named one: rolled back past, gone
        assertSqlState("3B001", () -> conn.rollback(unnamed));
        try (Connection third = Db.open(url)) {
            third.setAutoCommit(false);
            assertSqlState("3B001", () -> third.rollback(named));
        }
        assertThrows(SQLException.class, () -> conn.setSavepoint(""));
        conn.commit();
    }

    @Test
    void aTransactionBegunInSqlKeepsItsSavepoints() throws SQLException {
        conn.setAutoCommit(true);
        exec(conn, "BEGIN", "INSERT INTO entry VALUES (1, 1, 5)", "SAVEPOINT s", "INSERT INTO entry VALUES (2, 1, 5)",
                "ROLLBACK TO s", "COMMIT");
        assertEquals(List.of(1L), longs(other, "SELECT id FROM entry"));
        assertFails(conn, "25P01", "SAVEPOINT s");
    }
}
