package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertSqlState;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves commit/rollback atomicity, statement-level atomicity, isolation settings, read-only and SQL tx control.
class TransactionTest {
    private String url;
    private Connection conn;
    private Connection other;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        // short lock timeout so a wrongly blocking read fails fast instead of stalling the build
        other = DriverManager.getConnection(url + ";lock_timeout=2000");
        exec(conn, "CREATE TABLE a (id INT PRIMARY KEY, v INT)", "CREATE TABLE b (id INT PRIMARY KEY, v INT)");
    }

    @AfterEach
    void close() throws SQLException {
        other.close();
        conn.close();
    }

    @Test
    void autoCommitIsOnByDefault() throws SQLException {
        assertTrue(conn.getAutoCommit());
        exec(conn, "INSERT INTO a VALUES (1, 1)");
        assertEquals(List.of(1L), longs(other, "SELECT id FROM a"));
    }

    @Test
    void rollbackUndoesEverythingAcrossTables() throws SQLException {
        exec(conn, "INSERT INTO a VALUES (1, 10)", "INSERT INTO b VALUES (1, 10)");
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO a VALUES (2, 20)", "UPDATE b SET v = 99 WHERE id = 1", "DELETE FROM a WHERE id = 1",
                "INSERT INTO b VALUES (2, 20)");
        conn.rollback();
        assertEquals(List.of(10L), longs(conn, "SELECT v FROM a ORDER BY id"));
        assertEquals(List.of(10L), longs(conn, "SELECT v FROM b ORDER BY id"));
        assertEquals(List.of(10L), longs(other, "SELECT v FROM b ORDER BY id"));
    }

    @Test
    void commitPublishesEverythingAcrossTables() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO a VALUES (1, 1)", "INSERT INTO b VALUES (1, 1)", "UPDATE a SET v = 2 WHERE id = 1");
        assertEquals(List.of(), longs(other, "SELECT v FROM a"));
        assertEquals(List.of(), longs(other, "SELECT v FROM b"));
        conn.commit();
        assertEquals(List.of(2L), longs(other, "SELECT v FROM a"));
        assertEquals(List.of(1L), longs(other, "SELECT v FROM b"));
    }

    @Test
    void transactionSeesItsOwnWritesOthersDoNot() throws SQLException {
        exec(conn, "INSERT INTO a VALUES (1, 1), (2, 2), (3, 3)");
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO a VALUES (4, 4)", "UPDATE a SET v = 20 WHERE id = 2", "DELETE FROM a WHERE id = 3");
        assertEquals(List.of(1L, 20L, 4L), longs(conn, "SELECT v FROM a ORDER BY id"));
        assertEquals(List.of(4L), longs(conn, "SELECT v FROM a WHERE id = 4"));
        assertEquals(List.of(), longs(conn, "SELECT v FROM a WHERE id = 3"));
        assertEquals(List.of(1L, 2L, 3L), longs(other, "SELECT v FROM a ORDER BY id"));
        assertEquals(List.of(2L), longs(other, "SELECT v FROM a WHERE id = 2"));
        conn.commit();
        assertEquals(List.of(1L, 20L, 4L), longs(other, "SELECT v FROM a ORDER BY id"));
    }

    @Test
    void failedStatementUndoesOnlyItself() throws SQLException {
        exec(conn, "INSERT INTO a VALUES (1, 1)");
        conn.setAutoCommit(false);
        exec(conn, "UPDATE a SET v = 5 WHERE id = 1", "INSERT INTO a VALUES (2, 2)");
        assertFails(conn, "23505", "INSERT INTO a VALUES (3, 3), (1, 1)");
        assertFails(conn, "22012", "UPDATE a SET v = v / (id - 2)");
        exec(conn, "INSERT INTO a VALUES (4, 4)");
        assertEquals(List.of(5L, 2L, 4L), longs(conn, "SELECT v FROM a ORDER BY id"));
        conn.commit();
        assertEquals(List.of(5L, 2L, 4L), longs(other, "SELECT v FROM a ORDER BY id"));
    }

    @Test
    void commitAndRollbackInAutoCommitModeFail() {
        // JDBC requires an SQLException here; the SQLState is not specified
        assertThrows(SQLException.class, conn::commit);
        assertThrows(SQLException.class, conn::rollback);
    }

    @Test
    void switchingAutoCommitOnCommitsThePendingTransaction() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO a VALUES (1, 1)");
        conn.setAutoCommit(true);
        assertEquals(List.of(1L), longs(other, "SELECT id FROM a"));
    }

    @Test
    void rollbackThenNewTransactionWorks() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO a VALUES (1, 1)");
        conn.rollback();
        exec(conn, "INSERT INTO a VALUES (1, 2)");
        conn.commit();
        assertEquals(List.of(2L), longs(other, "SELECT v FROM a"));
    }

    @Test
    void noDirtyReads() throws SQLException {
        exec(conn, "INSERT INTO a VALUES (1, 1)");
        conn.setAutoCommit(false);
        exec(conn, "UPDATE a SET v = 100 WHERE id = 1");
        assertEquals(List.of(1L), longs(other, "SELECT v FROM a WHERE id = 1"));
        assertEquals(List.of(1L), longs(other, "SELECT v FROM a"));
        conn.rollback();
        assertEquals(List.of(1L), longs(other, "SELECT v FROM a"));
    }

    @Test
    void readUncommittedIsRaisedToReadCommitted() throws SQLException {
        conn.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
    }

    @Test
    void readCommittedIsTheDefaultAndRepeatableReadIsAccepted() throws SQLException {
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
        conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertEquals(Connection.TRANSACTION_REPEATABLE_READ, conn.getTransactionIsolation());
        conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
    }

    @Test
    void serializableIsAccepted() throws SQLException {
        conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
        exec(conn, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
    }

    @Test
    void sqlSetTransactionIsolation() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
        exec(conn, "INSERT INTO a VALUES (1, 1)");
        conn.commit();
        assertEquals(List.of(1L), longs(other, "SELECT id FROM a"));
    }

    @Test
    void readOnlyConnectionRefusesWrites() throws SQLException {
        exec(conn, "INSERT INTO a VALUES (1, 1)");
        conn.setReadOnly(true);
        assertTrue(conn.isReadOnly());
        assertFails(conn, "25006", "INSERT INTO a VALUES (2, 2)");
        assertFails(conn, "25006", "UPDATE a SET v = 3");
        assertFails(conn, "25006", "DELETE FROM a");
        assertEquals(List.of(1L), longs(conn, "SELECT v FROM a"));
        conn.setReadOnly(false);
        assertFalse(conn.isReadOnly());
        exec(conn, "INSERT INTO a VALUES (2, 2)");
        assertEquals(List.of(1L, 2L), longs(other, "SELECT v FROM a ORDER BY id"));
    }

    @Test
    void sqlSetTransactionReadOnlyRefusesWrites() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "SET TRANSACTION READ ONLY");
        assertFails(conn, "25006", "INSERT INTO a VALUES (1, 1)");
        conn.rollback();
        assertEquals(List.of(), longs(other, "SELECT v FROM a"));
    }

    @Test
    void sqlBeginAndRollback() throws SQLException {
        exec(conn, "BEGIN", "INSERT INTO a VALUES (1, 1)");
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM a"));
        assertEquals(List.of(), longs(other, "SELECT id FROM a"));
        exec(conn, "ROLLBACK");
        assertEquals(List.of(), longs(conn, "SELECT id FROM a"));
        // back in auto-commit: the next statement is visible at once
        exec(conn, "INSERT INTO a VALUES (2, 2)");
        assertEquals(List.of(2L), longs(other, "SELECT id FROM a"));
    }

    @Test
    void sqlStartTransactionAndCommit() throws SQLException {
        exec(conn, "START TRANSACTION", "INSERT INTO a VALUES (1, 1)", "INSERT INTO b VALUES (1, 1)");
        assertEquals(List.of(), longs(other, "SELECT id FROM b"));
        exec(conn, "COMMIT");
        assertEquals(List.of(1L), longs(other, "SELECT id FROM a"));
        assertEquals(List.of(1L), longs(other, "SELECT id FROM b"));
    }

    @Test
    void sqlCommitAndRollbackWithAutoCommitOff() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO a VALUES (1, 1)", "COMMIT", "INSERT INTO a VALUES (2, 2)", "ROLLBACK");
        assertEquals(List.of(1L), longs(other, "SELECT id FROM a"));
        assertFalse(conn.getAutoCommit());
    }

    @Test
    void sqlSetLockTimeoutIsAccepted() throws SQLException {
        exec(conn, "SET LOCK_TIMEOUT 500");
        assertEquals(1, update(conn, "INSERT INTO a VALUES (1, 1)"));
    }
}
