package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves ALTER COLUMN SET/DROP DEFAULT and SET/DROP NOT NULL: rows inserted afterwards follow the new
// definition, existing rows are checked before NOT NULL is set, and other column changes are refused clearly.
class AlterColumnTest {
    private String url;
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, v INT, note VARCHAR(10) DEFAULT 'none')",
                "INSERT INTO t VALUES (1, 10, 'a'), (2, NULL, 'b')");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void setAndDropDefaultApplyToLaterInserts() throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
            exec(conn, "ALTER TABLE t ALTER COLUMN v SET DEFAULT 42");
            insert.setInt(1, 3);
            insert.executeUpdate();
            exec(conn, "ALTER TABLE t ALTER COLUMN note DROP DEFAULT", "ALTER TABLE t ALTER v SET DEFAULT 7");
            insert.setInt(1, 4);
            insert.executeUpdate();
        }
        assertEquals(List.of(List.of(3, 42, "none"), List.of(4, 7)), List.of(
                rows(conn, "SELECT id, v, note FROM t WHERE id = 3").get(0),
                rows(conn, "SELECT id, v FROM t WHERE id = 4 AND note IS NULL").get(0)));
        assertEquals(java.util.Arrays.asList(List.of(10), java.util.Arrays.asList((Object) null)),
                rows(conn, "SELECT v FROM t WHERE id <= 2 ORDER BY id"));
        assertFails(conn, "22018", "ALTER TABLE t ALTER COLUMN v SET DEFAULT 'x'");
        DatabaseMetaData md = conn.getMetaData();
        try (ResultSet rs = md.getColumns(null, "PUBLIC", "T", "V")) {
            assertTrue(rs.next());
            assertEquals("7", rs.getString("COLUMN_DEF"));
        }
    }

    @Test
    void setNotNullChecksTheExistingRowsFirst() throws SQLException {
        SQLException e = assertFails(conn, "23502", "ALTER TABLE t ALTER COLUMN v SET NOT NULL");
        assertTrue(e.getMessage().contains("V") && e.getMessage().contains("PUBLIC.T"), e.getMessage());
        exec(conn, "INSERT INTO t (id, v) VALUES (3, NULL)");
        exec(conn, "UPDATE t SET v = 0 WHERE v IS NULL", "ALTER TABLE t ALTER COLUMN v SET NOT NULL");
        assertFails(conn, "23502", "INSERT INTO t (id, v) VALUES (4, NULL)");
        assertFails(conn, "23502", "UPDATE t SET v = NULL WHERE id = 1");
        exec(conn, "ALTER TABLE t ALTER COLUMN v DROP NOT NULL", "INSERT INTO t (id, v) VALUES (4, NULL)");
        assertEquals(4, Db.count(conn, "SELECT * FROM t"));
    }

    @Test
    void aTransactionThatWroteTheTableBeforeSetNotNullCannotCommit() throws SQLException {
        try (Connection other = Db.open(url)) {
            exec(conn, "UPDATE t SET v = 0 WHERE v IS NULL");
            other.setAutoCommit(false);
            exec(other, "INSERT INTO t (id, v) VALUES (3, NULL)");
            exec(conn, "ALTER TABLE t ALTER COLUMN v SET NOT NULL");
            SQLException e = assertThrows(SQLException.class, other::commit);
            assertEquals("40001", e.getSQLState(), e::getMessage);
        }
        assertEquals(0, Db.count(conn, "SELECT * FROM t WHERE v IS NULL"));
    }

    @Test
    void whatCannotBeDoneIsRefusedWithTheRightState() throws SQLException {
        assertFails(conn, "42P16", "ALTER TABLE t ALTER COLUMN id DROP NOT NULL");
        assertFails(conn, "42703", "ALTER TABLE t ALTER COLUMN nope SET DEFAULT 1");
        assertFails(conn, "42P01", "ALTER TABLE missing ALTER COLUMN v SET DEFAULT 1");
        exec(conn, "ALTER TABLE IF EXISTS missing ALTER COLUMN v SET DEFAULT 1");
        exec(conn, "CREATE TABLE g (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v INT)");
        assertFails(conn, "42P16", "ALTER TABLE g ALTER COLUMN id SET DEFAULT 5");
        assertFails(conn, "0A000", "ALTER TABLE t MODIFY COLUMN v BIGINT");
        assertFails(conn, "0A000", "ALTER TABLE t ADD COLUMN w INT UNIQUE");
        assertFails(conn, "0A000", "ALTER TABLE t ADD COLUMN w TIMESTAMP DEFAULT CURRENT_TIMESTAMP");
        assertFails(conn, "42701", "ALTER TABLE t ADD COLUMN v INT");
        assertFails(conn, "23502", "ALTER TABLE t ADD COLUMN w INT NOT NULL");
        assertFails(conn, "0A000", "ALTER TABLE t ALTER COLUMN v BIGINT NOT NULL");
    }

    @Test
    void addColumnGivesExistingRowsItsDefaultWithoutRewritingThem() throws SQLException {
        try (PreparedStatement all = conn.prepareStatement("SELECT * FROM t ORDER BY id");
             PreparedStatement insert = conn.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)")) {
            assertEquals(3, all.executeQuery().getMetaData().getColumnCount());
            exec(conn, "ALTER TABLE t ADD COLUMN w INT DEFAULT 5 NOT NULL", "ALTER TABLE t ADD x VARCHAR(4)");
            ResultSet rs = all.executeQuery();
            assertEquals(5, rs.getMetaData().getColumnCount());
            assertEquals(java.util.Arrays.asList(java.util.Arrays.asList(1, 10, "a", 5, null),
                    java.util.Arrays.asList(2, null, "b", 5, null)), Db.readAll(rs));
            insert.setInt(1, 3);
            insert.setInt(2, 30);
            insert.executeUpdate();
        }
        exec(conn, "INSERT INTO t VALUES (4, 40, 'd', 6, 'dd')", "UPDATE t SET x = 'up' WHERE id = 1");
        assertEquals(List.of(List.of(1, 5, "up"), List.of(3, 5, "none"), List.of(4, 6, "dd")),
                rows(conn, "SELECT id, w, COALESCE(x, note) FROM t WHERE id <> 2 ORDER BY id"));
        assertEquals(List.of(List.of(2L)), rows(conn, "SELECT COUNT(*) FROM t WHERE w = 5 AND x IS NULL"));
        assertFails(conn, "23502", "UPDATE t SET w = NULL WHERE id = 2");
        // an index on the new column holds the older rows with their missing value
        exec(conn, "CREATE INDEX t_w ON t (w)");
        assertEquals(List.of(List.of(1), List.of(2), List.of(3)), rows(conn, "SELECT id FROM t WHERE w = 5 ORDER BY id"));
        assertTrue(String.join("\n", Db.strings(conn, "EXPLAIN SELECT id FROM t WHERE w = 5")).contains("index T_W"));
        exec(conn, "ALTER TABLE t ADD CONSTRAINT w_pos CHECK (w > 0)", "ALTER TABLE t ADD CONSTRAINT x_u UNIQUE (x)");
        assertFails(conn, "23505", "INSERT INTO t (id, x) VALUES (5, 'dd')");
    }

    @Test
    void anEmptyTableTakesAnyAddedColumn() throws SQLException {
        exec(conn, "CREATE TABLE e (id INT PRIMARY KEY)", "ALTER TABLE e ADD COLUMN n INT NOT NULL",
                "ALTER TABLE e ADD COLUMN at TIMESTAMP DEFAULT CURRENT_TIMESTAMP");
        assertFails(conn, "23502", "INSERT INTO e (id) VALUES (1)");
        exec(conn, "INSERT INTO e (id, n) VALUES (1, 2)");
        assertEquals(List.of(List.of(1L)), rows(conn, "SELECT COUNT(*) FROM e WHERE at IS NOT NULL"));
    }
}
