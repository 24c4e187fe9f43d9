package io.recall.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:recall:mem:" + DriverTest.uniqueName());
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void defaultsMatchWhatPoolsExpect() throws SQLException {
        assertTrue(c.getAutoCommit());
        assertFalse(c.isReadOnly());
        assertTrue(c.isValid(1));
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
        assertEquals("PUBLIC", c.getSchema());
        c.setNetworkTimeout(Runnable::run, 250);
        assertEquals(250, c.getNetworkTimeout());
        assertEquals("SELECT 1", c.nativeSQL("SELECT 1"));
        assertTrue(c.getTypeMap().isEmpty());
        assertThrows(SQLException.class, () -> c.isValid(-1));
    }

    @Test
    void commitAndRollbackAreRefusedInAutoCommit() throws SQLException {
        assertEquals("25000", assertThrows(SQLException.class, c::commit).getSQLState());
        assertEquals("25000", assertThrows(SQLException.class, c::rollback).getSQLState());
    }

    @Test
    void rollbackUndoesAndSetAutoCommitCommits() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO t VALUES (1)");
            c.rollback();
            s.executeUpdate("INSERT INTO t VALUES (2)");
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("SELECT id FROM t")) {
                assertTrue(rs.next());
                assertEquals(2, rs.getInt(1));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void isolationLevels() throws SQLException {
        c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
        assertThrows(SQLException.class, () -> c.setTransactionIsolation(3));
        assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_NONE));
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
    }

    @Test
    void readOnlyAndSchema() throws SQLException {
        c.setReadOnly(true);
        assertTrue(c.isReadOnly());
        c.setReadOnly(false);
        c.setSchema("PUBLIC");
        assertEquals("PUBLIC", c.getSchema());
        SQLException e = assertThrows(SQLException.class, () -> c.setSchema("NOPE"));
        assertEquals("3F000", e.getSQLState());
        c.setCatalog("whatever");
        assertNotNull(c.getCatalog());
    }

    @Test
    void unsupportedFeaturesSaySo() {
        assertThrows(SQLFeatureNotSupportedException.class, () -> c.prepareCall("CALL x()"));
        assertThrows(SQLFeatureNotSupportedException.class, c::createClob);
        assertThrows(SQLFeatureNotSupportedException.class, c::createBlob);
    }

    @Test
    void scrollableStatementsAreDowngradedWithAWarning() throws SQLException {
        assertNull(c.getWarnings());
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, s.getResultSetType());
        }
        assertNotNull(c.getWarnings());
        c.clearWarnings();
        assertNull(c.getWarnings());
        assertThrows(SQLException.class, () -> c.createStatement(99, ResultSet.CONCUR_READ_ONLY));
    }

    @Test
    void clientInfoIsStored() throws SQLException {
        c.setClientInfo("ApplicationName", "tests");
        assertEquals("tests", c.getClientInfo("ApplicationName"));
        assertEquals("tests", c.getClientInfo().getProperty("ApplicationName"));
    }

    @Test
    void closedConnectionRefusesWorkButNotClearWarnings() throws SQLException {
        Statement s = c.createStatement();
        PreparedStatement ps = c.prepareStatement("SELECT 1");
        c.close();
        c.close();
        assertTrue(c.isClosed());
        assertTrue(s.isClosed());
        assertTrue(ps.isClosed());
        assertFalse(c.isValid(0));
        c.clearWarnings();
        assertEquals("08003", assertThrows(SQLException.class, c::createStatement).getSQLState());
        assertEquals("08003", assertThrows(SQLException.class, () -> c.prepareStatement("SELECT 1")).getSQLState());
        assertEquals("08003", assertThrows(SQLException.class, c::getAutoCommit).getSQLState());
        assertEquals("08003", assertThrows(SQLException.class, () -> c.setAutoCommit(false)).getSQLState());
        assertEquals("08003", assertThrows(SQLException.class, c::getMetaData).getSQLState());
        assertEquals("HY010", assertThrows(SQLException.class, () -> s.execute("SELECT 1")).getSQLState());
    }

    @Test
    void abortClosesAtOnce() throws SQLException {
        Executor direct = Runnable::run;
        c.abort(direct);
        assertTrue(c.isClosed());
        c.clearWarnings();
        assertEquals("08003", assertThrows(SQLException.class, c::createStatement).getSQLState());
    }

    @Test
    void closeRollsBackAnOpenTransaction() throws SQLException {
        String url = "jdbc:recall:mem:" + DriverTest.uniqueName();
        try (Connection keeper = DriverManager.getConnection(url)) {
            try (Statement s = keeper.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            }
            Connection other = DriverManager.getConnection(url);
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (1)");
            }
            other.close();
            try (Statement s = keeper.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t")) {
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void unwrap() throws SQLException {
        assertTrue(c.isWrapperFor(RecallConnection.class));
        assertNotNull(c.unwrap(Connection.class));
        assertThrows(SQLException.class, () -> c.unwrap(String.class));
    }
}
