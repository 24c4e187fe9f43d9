package io.recall.harness.values;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static io.recall.harness.values.JsonTest.exec;
import static io.recall.harness.values.JsonTest.fails;
import static io.recall.harness.values.JsonTest.memory;
import static io.recall.harness.values.JsonTest.rows;
import static io.recall.harness.values.JsonTest.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves the escape hatch: public static Java methods registered with CREATE FUNCTION ... FOR (or H2's CREATE
// ALIAS) are callable in SQL, in the select list and in WHERE; unknown functions, wrong argument counts and
// throwing functions fail clearly; registrations are kept on disc and in backups.
class JavaFunctionTest {
    private static final String FILTERS = Filters.class.getName();

    @TempDir
    Path dir;

    private static void customers(Connection c) throws SQLException {
        exec(c, "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(20), spent DECIMAL(10, 2))",
                "INSERT INTO customer VALUES (1, 'Ada', 1200.00), (2, 'Bob', 10.00), (3, 'VIP Cy', 0), (4, NULL, 5)");
    }

    @Test
    void registeredFunctionsAreCallableInSelectAndWhere() throws SQLException {
        try (Connection c = memory()) {
            customers(c);
            exec(c, "CREATE FUNCTION is_vip FOR '" + FILTERS + ".isVip'",
                    "CREATE ALIAS ADD2 FOR '" + FILTERS + ".add'",
                    "CREATE FUNCTION greet FOR '" + FILTERS + ".greet'");
            assertEquals(List.of(List.of(1), List.of(3)), rows(c, "SELECT id FROM customer WHERE is_vip(name, spent)"
                    + " ORDER BY id"));
            assertEquals(Arrays.asList(5, "hello Ada", true), rows(c,
                    "SELECT add2(id, 4), greet(name), IS_VIP(name, spent) FROM customer WHERE id = 1").get(0));
            // a NULL for a primitive parameter gives NULL without a call; a NULL object is passed on
            assertEquals(Arrays.asList(null, "nobody"), rows(c, "SELECT add2(NULL, 1), greet(name) FROM customer"
                    + " WHERE id = 4").get(0));
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM customer WHERE add2(id, ?) > 5")) {
                ps.setInt(1, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt(1));
                }
            }
            exec(c, "CREATE VIEW vips AS SELECT id FROM customer WHERE is_vip(name, spent)");
            assertEquals(2, rows(c, "SELECT * FROM vips").size());
            exec(c, "UPDATE customer SET spent = add2(CAST(spent AS INT), 1) WHERE greet(name) = 'hello Bob'");
            assertEquals("11.00", scalar(c, "SELECT spent FROM customer WHERE id = 2").toString());
        }
    }

    @Test
    void mistakesFailClearly() throws SQLException {
        try (Connection c = memory()) {
            customers(c);
            exec(c, "CREATE FUNCTION add2 FOR '" + FILTERS + ".add'", "CREATE FUNCTION boom FOR '" + FILTERS + ".fail'");
            fails(c, "42883", "SELECT nope(id) FROM customer");
            SQLException e = assertThrows(SQLException.class, () -> c.prepareStatement("SELECT add2(id) FROM customer"));
            assertEquals("42883", e.getSQLState());
            assertTrue(e.getMessage().contains("ADD2") && e.getMessage().contains("1 argument"), e.getMessage());
            try (PreparedStatement ps = c.prepareStatement("SELECT boom(name) FROM customer WHERE id = ?")) {
                ps.setInt(1, 2);
                e = assertThrows(SQLException.class, ps::executeQuery);
                assertEquals("38000", e.getSQLState());
                assertTrue(e.getMessage().contains("BOOM") && e.getMessage().contains("IllegalStateException")
                        && e.getMessage().contains("Bob"), e.getMessage());
            }
            fails(c, "42883", "CREATE FUNCTION f FOR 'com.acme.Missing.isVip'");
            fails(c, "42883", "CREATE FUNCTION f FOR '" + FILTERS + ".missing'");
            fails(c, "42601", "CREATE FUNCTION f FOR 'noDot'");
            fails(c, "42723", "CREATE FUNCTION add2 FOR '" + FILTERS + ".greet'");
            fails(c, "42723", "CREATE FUNCTION upper FOR '" + FILTERS + ".greet'");
            exec(c, "CREATE FUNCTION IF NOT EXISTS add2 FOR '" + FILTERS + ".greet'");
            assertEquals(5, scalar(c, "SELECT add2(2, 3)"));
            exec(c, "CREATE OR REPLACE FUNCTION add2 FOR '" + FILTERS + ".greet'");
            assertEquals("hello x", scalar(c, "SELECT add2('x')"));
            exec(c, "CREATE FUNCTION odd FOR '" + FILTERS + ".nothing'");
            fails(c, "0A000", "SELECT odd(1)");
            fails(c, "0A000", "CREATE FUNCTION f(x INT) RETURNS INT AS 'select 1'");
            SQLException check = fails(c, "42883", "CREATE TABLE t (x INT CHECK (boom('a') > x))");
            assertTrue(check.getMessage().contains("queries, DML and views"), check.getMessage());
            exec(c, "DROP FUNCTION boom", "DROP ALIAS add2", "DROP FUNCTION IF EXISTS boom");
            fails(c, "42883", "DROP FUNCTION boom");
            fails(c, "42883", "SELECT add2('x')");
        }
    }

    @Test
    void registrationsSurviveReopeningAndBackup() throws SQLException {
        String url = "jdbc:recall:file:" + dir.resolve("db");
        try (Connection c = DriverManager.getConnection(url)) {
            customers(c);
            exec(c, "CREATE FUNCTION is_vip FOR '" + FILTERS + ".isVip'");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(2, rows(c, "SELECT id FROM customer WHERE is_vip(name, spent)").size());
            exec(c, "BACKUP TO '" + dir.resolve("b.backup") + "'");
        }
        try (Connection c = memory()) {
            exec(c, "RESTORE FROM '" + dir.resolve("b.backup") + "'");
            assertEquals(2, rows(c, "SELECT id FROM customer WHERE is_vip(name, spent)").size());
        }
    }
}
