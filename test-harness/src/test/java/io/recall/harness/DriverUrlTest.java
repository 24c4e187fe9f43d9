package io.recall.harness;

import io.recall.driver.RecallDataSource;
import io.recall.driver.RecallDriver;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertSqlState;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves the jdbc:recall:mem URL contract: sharing by name, drop on last close, keep, properties and refusals.
class DriverUrlTest {

    @Test
    void driverIsRegisteredWithDriverManager() throws SQLException {
        Driver d = DriverManager.getDriver(Db.newUrl());
        assertInstanceOf(RecallDriver.class, d);
    }

    @Test
    void acceptsOnlyRecallUrls() throws SQLException {
        RecallDriver d = new RecallDriver();
        assertTrue(d.acceptsURL("jdbc:recall:mem:x"));
        assertFalse(d.acceptsURL("jdbc:h2:mem:x"));
        assertFalse(d.acceptsURL("jdbc:postgresql://localhost/db"));
        assertFalse(d.acceptsURL("recall:mem:x"));
    }

    @Test
    void connectReturnsNullForForeignUrl() throws SQLException {
        assertNull(new RecallDriver().connect("jdbc:h2:mem:other", new Properties()));
        assertNull(new RecallDriver().connect("jdbc:postgresql://localhost/db", new Properties()));
    }

    @Test
    void connectionsNamingTheSameDatabaseShareIt() throws SQLException {
        String url = Db.newUrl();
        try (Connection a = Db.open(url); Connection b = Db.open(url)) {
            exec(a, "CREATE TABLE shared (id INT PRIMARY KEY)", "INSERT INTO shared VALUES (1), (2)");
            assertEquals(List.of(1L, 2L), longs(b, "SELECT id FROM shared ORDER BY id"));
        }
    }

    @Test
    void differentNamesAreDifferentDatabases() throws SQLException {
        try (Connection a = Db.open(Db.newUrl()); Connection b = Db.open(Db.newUrl())) {
            exec(a, "CREATE TABLE only_in_a (id INT)");
            assertFails(b, "42P01", "SELECT id FROM only_in_a");
        }
    }

    @Test
    void databaseIsDroppedWhenLastConnectionCloses() throws SQLException {
        String url = Db.newUrl();
        try (Connection a = Db.open(url)) {
            try (Connection b = Db.open(url)) {
                exec(b, "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)");
            }
            // a is still open: closing b must not drop the database
            assertEquals(List.of(1L), longs(a, "SELECT id FROM t"));
        }
        try (Connection again = Db.open(url)) {
            assertFails(again, "42P01", "SELECT id FROM t");
        }
    }

    @Test
    void keepTrueInUrlKeepsDatabaseAfterLastClose() throws SQLException {
        String url = Db.newUrl();
        try (Connection c = Db.open(url + ";keep=true")) {
            exec(c, "CREATE TABLE kept (id INT)", "INSERT INTO kept VALUES (7)");
        }
        try (Connection c = Db.open(url)) {
            assertEquals(List.of(7L), longs(c, "SELECT id FROM kept"));
        }
    }

    @Test
    void keepTrueAsPropertyKeepsDatabaseAfterLastClose() throws SQLException {
        String url = Db.newUrl();
        Properties p = new Properties();
        p.setProperty("keep", "true");
        try (Connection c = DriverManager.getConnection(url, p)) {
            exec(c, "CREATE TABLE kept (id INT)", "INSERT INTO kept VALUES (8)");
        }
        try (Connection c = Db.open(url)) {
            assertEquals(List.of(8L), longs(c, "SELECT id FROM kept"));
        }
    }

    @Test
    void userAndPasswordAreAccepted() throws SQLException {
        String url = Db.newUrl();
        try (Connection a = DriverManager.getConnection(url, "sa", "secret");
             Connection b = DriverManager.getConnection(url + ";user=bob;password=pw")) {
            assertTrue(a.isValid(1));
            assertTrue(b.isValid(1));
        }
    }

    @Test
    void unknownUrlPropertyIsRefusedNamingTheKey() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(Db.newUrl() + ";frobnicate_level=3").close());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("frobnicate_level"), e.getMessage());
    }

    @Test
    void unknownPropertiesEntryIsRefusedNamingTheKey() {
        Properties p = new Properties();
        p.setProperty("wobble_factor", "1");
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(Db.newUrl(), p).close());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("wobble_factor"), e.getMessage());
    }

    @Test
    void nonNumericLockTimeoutIsRefused() {
        assertThrows(SQLException.class, () -> DriverManager.getConnection(Db.newUrl() + ";lock_timeout=soon").close());
    }

    @Test
    void lockTimeoutPropertyIsAccepted() throws SQLException {
        try (Connection c = DriverManager.getConnection(Db.newUrl() + ";lock_timeout=250")) {
            assertTrue(c.isValid(1));
        }
    }

    @Test
    void isValidAndIsClosedFollowClose() throws SQLException {
        Connection c = Db.open(Db.newUrl());
        assertTrue(c.isValid(1));
        assertFalse(c.isClosed());
        c.close();
        assertTrue(c.isClosed());
        assertFalse(c.isValid(1));
    }

    @Test
    void dataSourceOpensTheSameDatabaseAsDriverManager() throws SQLException {
        String url = Db.newUrl();
        RecallDataSource ds = new RecallDataSource();
        ds.setUrl(url);
        ds.setUser("sa");
        ds.setPassword("");
        assertEquals(url, ds.getUrl());
        try (Connection viaDm = Db.open(url); Connection viaDs = ds.getConnection()) {
            exec(viaDm, "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (3)");
            assertEquals(List.of(3L), longs(viaDs, "SELECT id FROM t"));
        }
        try (Connection other = ds.getConnection("sa", "")) {
            assertTrue(other.isValid(1));
        }
    }
}
