package io.recall.driver;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriverTest {
    static String uniqueName() {
        return "t" + UUID.randomUUID().toString().replace("-", "");
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void registeredWithDriverManager() throws SQLException {
        assertInstanceOf(RecallDriver.class, DriverManager.getDriver("jdbc:recall:mem:x"));
    }

    @Test
    void foreignUrlGivesNull() throws SQLException {
        assertNull(new RecallDriver().connect("jdbc:h2:mem:x", new Properties()));
        assertFalse(new RecallDriver().acceptsURL("jdbc:postgresql://h/db"));
        assertFalse(new RecallDriver().jdbcCompliant());
        assertThrows(SQLFeatureNotSupportedException.class, () -> new RecallDriver().getParentLogger());
        assertEquals(4, new RecallDriver().getPropertyInfo("jdbc:recall:mem:x", null).length);
    }

    @Test
    void namedDatabaseIsSharedAndDroppedWithItsLastConnection() throws SQLException {
        String name = uniqueName();
        String url = "jdbc:recall:mem:" + name;
        try (Connection a = DriverManager.getConnection(url)) {
            try (Statement s = a.createStatement()) {
                s.execute("CREATE TABLE items (id INT PRIMARY KEY)");
                s.executeUpdate("INSERT INTO items VALUES (1), (2)");
            }
            try (Connection b = DriverManager.getConnection(url)) {
                assertEquals(2, count(b, "items"));
                assertEquals(2, DatabaseRegistry.GLOBAL.references(name));
            }
            assertEquals(1, DatabaseRegistry.GLOBAL.references(name));
        }
        assertFalse(DatabaseRegistry.GLOBAL.isOpen(name));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThrows(SQLSyntaxErrorException.class, () -> s.executeQuery("SELECT * FROM items"));
        }
    }

    @Test
    void keepTrueOutlivesTheLastConnection() throws SQLException {
        String name = uniqueName();
        try (Connection a = DriverManager.getConnection("jdbc:recall:mem:" + name + ";keep=true");
             Statement s = a.createStatement()) {
            s.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            s.executeUpdate("INSERT INTO kept VALUES (7)");
        }
        assertTrue(DatabaseRegistry.GLOBAL.isOpen(name));
        try (Connection b = DriverManager.getConnection("jdbc:recall:mem:" + name)) {
            assertEquals(1, count(b, "kept"));
        }
        assertTrue(DatabaseRegistry.GLOBAL.dropIfUnused(name));
        assertFalse(DatabaseRegistry.GLOBAL.isOpen(name));
    }

    @Test
    void emptyNameGivesEachConnectionItsOwnDatabase() throws SQLException {
        try (Connection a = DriverManager.getConnection("jdbc:recall:mem:");
             Connection b = DriverManager.getConnection("jdbc:recall:mem:")) {
            try (Statement s = a.createStatement()) {
                s.execute("CREATE TABLE mine (id INT PRIMARY KEY)");
            }
            try (Statement s = b.createStatement()) {
                assertThrows(SQLSyntaxErrorException.class, () -> s.executeQuery("SELECT * FROM mine"));
            }
            assertNull(a.getCatalog());
        }
    }

    @Test
    void userAndPropertiesReachTheSession() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "alice");
        info.setProperty("password", "ignored");
        try (Connection c = DriverManager.getConnection("jdbc:recall:mem:" + uniqueName(), info)) {
            assertEquals("alice", c.getMetaData().getUserName());
        }
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:recall:mem:x;colour=red"));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("colour"));
    }

    @Test
    void dataSourceConnects() throws SQLException {
        RecallDataSource ds = new RecallDataSource();
        String name = uniqueName();
        ds.setURL("jdbc:recall:mem:" + name);
        ds.setUser("bob");
        ds.setPassword("pw");
        ds.setLoginTimeout(30);
        assertEquals(30, ds.getLoginTimeout());
        try (Connection c = ds.getConnection()) {
            assertEquals("bob", c.getMetaData().getUserName());
            assertEquals(name, c.getCatalog());
        }
        assertTrue(ds.isWrapperFor(javax.sql.DataSource.class));
        RecallDataSource empty = new RecallDataSource();
        assertEquals("08001", assertThrows(SQLException.class, empty::getConnection).getSQLState());
        empty.setUrl("jdbc:h2:mem:x");
        assertEquals("08001", assertThrows(SQLException.class, empty::getConnection).getSQLState());
    }
}
