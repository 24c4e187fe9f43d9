package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.rows;
import static io.recall.harness.Db.strings;
import static io.recall.harness.Db.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves INSERT/UPDATE/DELETE semantics and their exact update counts, with literals and parameters.
class DmlTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(20), qty INT, price DECIMAL(8,2))");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void insertWithoutColumnListUsesDeclaredOrder() throws SQLException {
        assertEquals(1, update(conn, "INSERT INTO item VALUES (1, 'apple', 3, 0.5)"));
        assertEquals(List.of(List.of(1, "apple", 3, new BigDecimal("0.50"))), rows(conn, "SELECT * FROM item"));
    }

    @Test
    void insertWithColumnListInAnyOrderLeavesOthersNull() throws SQLException {
        assertEquals(1, update(conn, "INSERT INTO item (qty, id) VALUES (9, 2)"));
        List<Object> row = rows(conn, "SELECT id, name, qty, price FROM item").get(0);
        assertEquals(2, row.get(0));
        assertEquals(null, row.get(1));
        assertEquals(9, row.get(2));
        assertEquals(null, row.get(3));
    }

    @Test
    void multiRowInsertCountsEveryRow() throws SQLException {
        assertEquals(3, update(conn, "INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
        assertEquals(List.of("a", "b", "c"), strings(conn, "SELECT name FROM item ORDER BY id"));
    }

    @Test
    void preparedInsertIsReusableWithNewParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= 5; i++) {
                ps.setInt(1, i);
                ps.setString(2, "item" + i);
                ps.setInt(3, i * 10);
                ps.setBigDecimal(4, BigDecimal.valueOf(i, 1));
                assertEquals(1, ps.executeUpdate());
                ps.clearParameters();
            }
            ps.setInt(1, 6);
            ps.setNull(2, Types.VARCHAR);
            ps.setNull(3, Types.INTEGER);
            ps.setNull(4, Types.DECIMAL);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(Arrays.asList(10L, 20L, 30L, 40L, 50L, null), longs(conn, "SELECT qty FROM item ORDER BY id"));
    }

    @Test
    void multiRowInsertWithParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?), (?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, "x");
            ps.setInt(3, 2);
            ps.setString(4, "y");
            assertEquals(2, ps.executeUpdate());
        }
        assertEquals(List.of("x", "y"), strings(conn, "SELECT name FROM item ORDER BY id"));
    }

    @Test
    void updateCountsOnlyMatchedRows() throws SQLException {
        exec(conn, "INSERT INTO item VALUES (1, 'a', 1, 1), (2, 'b', 2, 2), (3, 'c', 3, 3), (4, 'd', NULL, 4)");
        assertEquals(2, update(conn, "UPDATE item SET qty = qty * 10 WHERE qty >= 2"));
        assertEquals(0, update(conn, "UPDATE item SET qty = 0 WHERE id = 99"));
        assertEquals(Arrays.asList(1L, 20L, 30L, null), longs(conn, "SELECT qty FROM item ORDER BY id"));
        assertEquals(4, update(conn, "UPDATE item SET name = 'all'"));
        assertEquals(List.of("all", "all", "all", "all"), strings(conn, "SELECT name FROM item"));
    }

    @Test
    void updateSeveralColumnsUsesOldValues() throws SQLException {
        exec(conn, "INSERT INTO item VALUES (1, 'a', 5, 7)");
        assertEquals(1, update(conn, "UPDATE item SET qty = price, price = qty WHERE id = 1"));
        List<Object> row = rows(conn, "SELECT qty, price FROM item").get(0);
        assertEquals(7, row.get(0));
        assertEquals(new BigDecimal("5.00"), row.get(1));
    }

    @Test
    void updateWithParameters() throws SQLException {
        exec(conn, "INSERT INTO item VALUES (1, 'a', 5, 7), (2, 'b', 6, 8)");
        try (PreparedStatement ps = conn.prepareStatement("UPDATE item SET name = ?, qty = qty + ? WHERE id = ?")) {
            ps.setString(1, "z");
            ps.setInt(2, 100);
            ps.setInt(3, 2);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals(List.of(List.of("a", 5), List.of("z", 106)), rows(conn, "SELECT name, qty FROM item ORDER BY id"));
    }

    @Test
    void updatingThePrimaryKeyMovesTheRow() throws SQLException {
        exec(conn, "INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b')");
        assertEquals(1, update(conn, "UPDATE item SET id = 10 WHERE id = 1"));
        assertEquals(List.of(2L, 10L), longs(conn, "SELECT id FROM item ORDER BY id"));
        assertEquals(List.of("a"), strings(conn, "SELECT name FROM item WHERE id = 10"));
        assertEquals(List.of(), strings(conn, "SELECT name FROM item WHERE id = 1"));
        // the old key is free again
        exec(conn, "INSERT INTO item (id, name) VALUES (1, 'new')");
        assertEquals(List.of(1L, 2L, 10L), longs(conn, "SELECT id FROM item ORDER BY id"));
    }

    @Test
    void deleteCountsRemovedRows() throws SQLException {
        exec(conn, "INSERT INTO item (id, qty) VALUES (1, 1), (2, 2), (3, 3), (4, 4)");
        assertEquals(2, update(conn, "DELETE FROM item WHERE qty > 2"));
        assertEquals(0, update(conn, "DELETE FROM item WHERE qty > 2"));
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM item ORDER BY id"));
        assertEquals(2, update(conn, "DELETE FROM item"));
        assertEquals(List.of(), longs(conn, "SELECT id FROM item"));
    }

    @Test
    void deleteWithParameter() throws SQLException {
        exec(conn, "INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b')");
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM item WHERE name = ?")) {
            ps.setString(1, "b");
            assertEquals(1, ps.executeUpdate());
            assertEquals(0, ps.executeUpdate());
        }
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM item"));
    }

    @Test
    void deletedKeyCanBeInsertedAgain() throws SQLException {
        exec(conn, "INSERT INTO item (id, name) VALUES (1, 'a')", "DELETE FROM item WHERE id = 1",
                "INSERT INTO item (id, name) VALUES (1, 'again')");
        assertEquals(List.of("again"), strings(conn, "SELECT name FROM item"));
    }

    @Test
    void executeReportsResultKindAndUpdateCount() throws SQLException {
        try (Statement st = conn.createStatement()) {
            assertFalse(st.execute("INSERT INTO item (id) VALUES (1), (2)"));
            assertEquals(2, st.getUpdateCount());
            assertTrue(st.execute("SELECT id FROM item"));
            assertEquals(-1, st.getUpdateCount());
            assertTrue(st.getResultSet().next());
            assertFalse(st.execute("UPDATE item SET qty = 1"));
            assertEquals(2, st.getUpdateCount());
            assertEquals(null, st.getResultSet());
        }
    }

    @Test
    void ddlReturnsZeroUpdateCount() throws SQLException {
        try (Statement st = conn.createStatement()) {
            assertEquals(0, st.executeUpdate("CREATE TABLE other (id INT)"));
            assertEquals(0, st.executeUpdate("DROP TABLE other"));
        }
    }
}
