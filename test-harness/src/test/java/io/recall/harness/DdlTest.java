package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.count;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.rows;
import static io.recall.harness.Db.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves CREATE/DROP TABLE and SCHEMA, keys, NOT NULL, defaults, identity columns and identifier case rules.
class DdlTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void createTableIfNotExistsIsIdempotent() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        exec(conn, "CREATE TABLE IF NOT EXISTS t (other VARCHAR(5))");
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM t"));
    }

    @Test
    void createExistingTableFails() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT)");
        assertFails(conn, "42P07", "CREATE TABLE t (id INT)");
        assertFails(conn, "42P07", "CREATE TABLE T (x INT)");
    }

    @Test
    void dropTableRemovesItAndIfExistsTolerance() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)", "DROP TABLE t");
        assertFails(conn, "42P01", "SELECT * FROM t");
        assertFails(conn, "42P01", "DROP TABLE t");
        exec(conn, "DROP TABLE IF EXISTS t");
        exec(conn, "CREATE TABLE t (name VARCHAR(10))", "INSERT INTO t VALUES ('fresh')");
        assertEquals(List.of("fresh"), strings(conn, "SELECT * FROM t"));
    }

    @Test
    void allTypeSpellingsAreAccepted() throws SQLException {
        exec(conn, "CREATE TABLE spellings (a INT, b INTEGER, c NUMERIC(5,1), d DECIMAL(7,3), e DOUBLE,"
                + " f DOUBLE PRECISION, g FLOAT, h REAL, i TEXT, j CLOB, k BINARY(2), l VARBINARY(9), m BLOB,"
                + " n BYTEA, o TIMESTAMP WITH TIME ZONE, p UUID, q CHAR(3), r VARCHAR(3), s SMALLINT, t BIGINT,"
                + " u BOOLEAN, v DATE, w TIME, x TIMESTAMP)");
        exec(conn, "INSERT INTO spellings (a, b) VALUES (1, 2)");
        assertEquals(1, count(conn, "SELECT * FROM spellings"));
    }

    @Test
    void singleColumnPrimaryKeyRejectsDuplicates() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(5))", "INSERT INTO t VALUES (1, 'a')");
        assertFails(conn, "23505", "INSERT INTO t VALUES (1, 'b')");
        assertFails(conn, "23505", "INSERT INTO t VALUES (2, 'c'), (2, 'd')");
        assertEquals(List.of("a"), strings(conn, "SELECT v FROM t"));
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO t VALUES (3, 'e')");
        assertFails(conn, "23505", "INSERT INTO t VALUES (1, 'f')");
        conn.commit();
        assertEquals(List.of("a", "e"), strings(conn, "SELECT v FROM t ORDER BY id"));
    }

    @Test
    void compositePrimaryKeyRejectsOnlyFullDuplicates() throws SQLException {
        exec(conn, "CREATE TABLE t (a INT, b VARCHAR(5), v INT, PRIMARY KEY (a, b))",
                "INSERT INTO t VALUES (1, 'x', 10), (1, 'y', 11), (2, 'x', 12)");
        assertFails(conn, "23505", "INSERT INTO t VALUES (1, 'y', 99)");
        assertEquals(3, count(conn, "SELECT * FROM t"));
        assertEquals(List.of(11L), longs(conn, "SELECT v FROM t WHERE a = 1 AND b = 'y'"));
    }

    @Test
    void primaryKeyColumnsAreImplicitlyNotNull() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        assertFails(conn, "23502", "INSERT INTO t VALUES (NULL, 1)");
        exec(conn, "CREATE TABLE u (a INT, b INT, PRIMARY KEY (a, b))");
        assertFails(conn, "23502", "INSERT INTO u VALUES (1, NULL)");
    }

    @Test
    void tableWithoutPrimaryKeyKeepsDuplicates() throws SQLException {
        exec(conn, "CREATE TABLE log (msg VARCHAR(10), n INT)",
                "INSERT INTO log VALUES ('same', 1), ('same', 1)", "INSERT INTO log VALUES ('same', 1)");
        assertEquals(3, count(conn, "SELECT * FROM log WHERE msg = 'same'"));
        assertEquals(3, Db.update(conn, "UPDATE log SET n = 2 WHERE msg = 'same'"));
        assertEquals(3, Db.update(conn, "DELETE FROM log WHERE n = 2"));
        assertEquals(0, count(conn, "SELECT * FROM log"));
    }

    @Test
    void notNullIsEnforcedOnInsertAndUpdate() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL)");
        assertFails(conn, "23502", "INSERT INTO t VALUES (1, NULL)");
        assertFails(conn, "23502", "INSERT INTO t (id) VALUES (1)");
        exec(conn, "INSERT INTO t VALUES (1, 'ok')");
        assertFails(conn, "23502", "UPDATE t SET name = NULL WHERE id = 1");
        assertEquals(List.of("ok"), strings(conn, "SELECT name FROM t"));
    }

    @Test
    void constantDefaultsFillOmittedColumns() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, n INT DEFAULT 7, s VARCHAR(10) DEFAULT 'none',"
                + " b BOOLEAN DEFAULT TRUE, d DECIMAL(5,2) DEFAULT 1.5, x INT)", "INSERT INTO t (id) VALUES (1)");
        List<List<Object>> r = rows(conn, "SELECT n, s, b, d, x FROM t");
        assertEquals(7, r.get(0).get(0));
        assertEquals("none", r.get(0).get(1));
        assertEquals(Boolean.TRUE, r.get(0).get(2));
        assertEquals(new java.math.BigDecimal("1.50"), r.get(0).get(3));
        assertEquals(null, r.get(0).get(4));
        exec(conn, "INSERT INTO t (id, n) VALUES (2, NULL)");
        assertEquals(Collections.singletonList((Long) null), longs(conn, "SELECT n FROM t WHERE id = 2"));
    }

    @Test
    void currentTimestampAndDateDefaults() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, created TIMESTAMP DEFAULT CURRENT_TIMESTAMP,"
                + " today DATE DEFAULT CURRENT_DATE)", "INSERT INTO t (id) VALUES (1)");
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT created, today FROM t")) {
            assertTrue(rs.next());
            Timestamp created = rs.getTimestamp(1);
            assertNotNull(created);
            LocalDateTime now = LocalDateTime.now();
            assertTrue(created.toLocalDateTime().isAfter(now.minusDays(1))
                    && created.toLocalDateTime().isBefore(now.plusDays(1)), "created = " + created);
            LocalDate day = rs.getObject(2, LocalDate.class);
            assertNotNull(day);
            assertTrue(Math.abs(day.toEpochDay() - LocalDate.now().toEpochDay()) <= 1, "today = " + day);
        }
    }

    @Test
    void identityByDefaultGeneratesAndAcceptsExplicitValues() throws SQLException {
        exec(conn, "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v VARCHAR(5))",
                "INSERT INTO t (v) VALUES ('a')", "INSERT INTO t (v) VALUES ('b')",
                "INSERT INTO t (id, v) VALUES (100, 'c')");
        assertEquals(List.of(1L, 2L, 100L), longs(conn, "SELECT id FROM t ORDER BY id"));
    }

    @Test
    void identityAlwaysRefusesExplicitValues() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v VARCHAR(5))",
                "INSERT INTO t (v) VALUES ('a'), ('b')");
        assertFails(conn, "428C9", "INSERT INTO t (id, v) VALUES (5, 'c')");
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM t ORDER BY id"));
    }

    @Test
    void autoIncrementSerialAndBigserialGenerateIds() throws SQLException {
        exec(conn, "CREATE TABLE a (id INT AUTO_INCREMENT PRIMARY KEY, v INT)",
                "CREATE TABLE s (id SERIAL PRIMARY KEY, v INT)",
                "CREATE TABLE b (id BIGSERIAL PRIMARY KEY, v INT)");
        for (String t : List.of("a", "s", "b")) {
            exec(conn, "INSERT INTO " + t + " (v) VALUES (10), (20)", "INSERT INTO " + t + " (v) VALUES (30)");
            assertEquals(List.of(1L, 2L, 3L), longs(conn, "SELECT id FROM " + t + " ORDER BY id"), t);
        }
    }

    @Test
    void generatedKeysAreReturned() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v VARCHAR(5))");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t (v) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "a");
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(1L, keys.getLong(1));
            }
            ps.setString(1, "b");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(2L, keys.getLong(1));
            }
        }
        try (Statement st = conn.createStatement()) {
            assertEquals(3, st.executeUpdate("INSERT INTO t (v) VALUES ('c'), ('d'), ('e')",
                    Statement.RETURN_GENERATED_KEYS));
            List<Long> keys = new ArrayList<>();
            try (ResultSet rs = st.getGeneratedKeys()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
            assertEquals(List.of(3L, 4L, 5L), keys);
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t (v) VALUES ('f')", new String[]{"id"})) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(6L, keys.getLong("id"));
            }
        }
    }

    @Test
    void schemasQualifyTablesAndSetSchemaChangesTheDefault() throws SQLException {
        assertEquals("PUBLIC", conn.getSchema());
        exec(conn, "CREATE SCHEMA sales", "CREATE TABLE sales.orders (id INT PRIMARY KEY)",
                "INSERT INTO sales.orders VALUES (1)", "CREATE TABLE orders (id INT PRIMARY KEY)",
                "INSERT INTO public.orders VALUES (2)");
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM sales.orders"));
        assertEquals(List.of(2L), longs(conn, "SELECT id FROM orders"));
        exec(conn, "SET SCHEMA sales");
        assertEquals("SALES", conn.getSchema());
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM orders"));
        assertEquals(List.of(2L), longs(conn, "SELECT id FROM PUBLIC.orders"));
        exec(conn, "SET SCHEMA PUBLIC");
        assertEquals(List.of(2L), longs(conn, "SELECT id FROM orders"));
    }

    @Test
    void setSchemaIsPerConnection() throws SQLException {
        String url = Db.newUrl();
        try (Connection a = Db.open(url); Connection b = Db.open(url)) {
            exec(a, "CREATE SCHEMA s", "CREATE TABLE s.only_s (id INT)", "SET SCHEMA s");
            assertEquals(0, count(a, "SELECT * FROM only_s"));
            assertFails(b, "42P01", "SELECT * FROM only_s");
        }
    }

    @Test
    void dropSchemaRemovesIt() throws SQLException {
        exec(conn, "CREATE SCHEMA tmp", "CREATE TABLE tmp.t (id INT)", "DROP TABLE tmp.t", "DROP SCHEMA tmp");
        assertFails(conn, "3F000", "CREATE TABLE tmp.t (id INT)");
    }

    @Test
    void unquotedIdentifiersAreCaseInsensitive() throws SQLException {
        exec(conn, "CREATE TABLE MixedCase (SomeCol INT)", "INSERT INTO mixedcase (SOMECOL) VALUES (5)");
        assertEquals(List.of(5L), longs(conn, "SELECT somecol FROM MIXEDCASE"));
        assertEquals(List.of(5L), longs(conn, "SELECT \"SOMECOL\" FROM \"MIXEDCASE\""));
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT someCol FROM mixedCase")) {
            assertEquals("SOMECOL", rs.getMetaData().getColumnLabel(1));
        }
    }

    @Test
    void quotedIdentifiersAreExact() throws SQLException {
        exec(conn, "CREATE TABLE \"Quoted\" (\"MyCol\" INT, \"small\" INT)",
                "INSERT INTO \"Quoted\" VALUES (1, 2)");
        assertEquals(List.of(1L), longs(conn, "SELECT \"MyCol\" FROM \"Quoted\""));
        assertFails(conn, "42P01", "SELECT * FROM Quoted");
        assertFails(conn, "42703", "SELECT MyCol FROM \"Quoted\"");
        assertFails(conn, "42703", "SELECT small FROM \"Quoted\"");
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"Quoted\"")) {
            assertEquals("MyCol", rs.getMetaData().getColumnLabel(1));
            assertEquals("small", rs.getMetaData().getColumnLabel(2));
        }
        // a quoted upper-case name and the unquoted name are the same table
        exec(conn, "CREATE TABLE plain (id INT)");
        assertEquals(0, count(conn, "SELECT * FROM \"PLAIN\""));
    }
}
