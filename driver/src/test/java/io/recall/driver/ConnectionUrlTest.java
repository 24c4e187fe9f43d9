package io.recall.driver;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionUrlTest {
    @Test
    void parsesNameAndDefaults() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:recall:mem:shop", null);
        assertEquals("shop", url.name());
        assertEquals("SA", url.user());
        assertNull(url.password());
        assertFalse(url.keep());
        assertEquals(10_000, url.lockTimeoutMillis());
        assertFalse(url.lockTimeoutGiven());
        assertFalse(url.isPrivate());
    }

    @Test
    void readsSettingsWithCaseInsensitiveKeys() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:recall:mem:shop;KEEP=true;Lock_Timeout=250;User=bob;", null);
        assertTrue(url.keep());
        assertEquals(250, url.lockTimeoutMillis());
        assertTrue(url.lockTimeoutGiven());
        assertEquals("bob", url.user());
        assertEquals("shop", url.name());
    }

    @Test
    void urlWinsOverProperties() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "fromProps");
        info.setProperty("password", "secret");
        ConnectionUrl url = ConnectionUrl.parse("jdbc:recall:mem:x;user=fromUrl", info);
        assertEquals("fromUrl", url.user());
        assertEquals("secret", url.password());
    }

    @Test
    void emptyNameIsPrivate() throws SQLException {
        assertTrue(ConnectionUrl.parse("jdbc:recall:mem:", null).isPrivate());
        assertTrue(ConnectionUrl.parse("jdbc:recall:mem:;keep=true", null).isPrivate());
    }

    @Test
    void unknownKeyIsNamed() {
        SQLException e = assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:recall:mem:x;cache=1", null));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("cache"), e.getMessage());
        Properties info = new Properties();
        info.setProperty("colour", "red");
        SQLException p = assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:recall:mem:x", info));
        assertTrue(p.getMessage().contains("colour"), p.getMessage());
    }

    @Test
    void badValuesAreRefused() {
        assertEquals("08001", assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:recall:mem:x;keep=maybe", null)).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:recall:mem:x;lock_timeout=-1", null)).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:recall:mem:x;lock_timeout=soon", null)).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:recall:mem:x;keep", null)).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:recall:tcp://host/x", null)).getSQLState());
    }

    @Test
    void fileDatabasesNameAFolder() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:recall:file:data/../data/shop;sync=false", null);
        assertTrue(url.onDisc());
        assertEquals(java.nio.file.Path.of("data/shop").toAbsolutePath(), url.folder());
        assertEquals(url.folder().toString(), url.name());
        assertFalse(url.sync());
        assertTrue(ConnectionUrl.parse("jdbc:recall:file:/tmp/x", null).sync());
        assertFalse(ConnectionUrl.parse("jdbc:recall:mem:x", null).onDisc());
        assertEquals("08001", assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:recall:file:", null))
                .getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:recall:mem:x;sync=true", null)).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> ConnectionUrl.parse("jdbc:recall:file:/tmp/x;sync=maybe", null)).getSQLState());
    }

    @Test
    void acceptsOnlyRecallUrls() {
        assertTrue(ConnectionUrl.accepts("jdbc:recall:mem:x"));
        assertTrue(ConnectionUrl.accepts("JDBC:RECALL:mem:x"));
        assertFalse(ConnectionUrl.accepts("jdbc:h2:mem:x"));
        assertFalse(ConnectionUrl.accepts(null));
    }
}
