package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves CREATE [OR REPLACE] VIEW and DROP VIEW: catalog entries, name clashes with tables, refusals and metadata.
class ViewDdlTest {
    private String url;
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))", "INSERT INTO t VALUES (1, 'a')");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static List<String> names(ResultSet rs, String label) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(label));
            }
        }
        return out;
    }

    private static List<String> views(Connection c, String schemaPattern) throws SQLException {
        return names(c.getMetaData().getTables(null, schemaPattern, "%", new String[]{"VIEW"}), "TABLE_NAME");
    }

    @Test
    void createdViewIsListedAndDropViewRemovesIt() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id, name FROM t");
        assertEquals(List.of("V"), views(conn, "PUBLIC"));
        exec(conn, "DROP VIEW v");
        assertEquals(List.of(), views(conn, "PUBLIC"));
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM t"));
    }

    @Test
    void viewNamesFollowIdentifierCaseRules() throws SQLException {
        exec(conn, "CREATE VIEW lower_v AS SELECT id FROM t", "CREATE VIEW \"MixedView\" AS SELECT id FROM t");
        assertEquals(List.of("LOWER_V", "MixedView"), views(conn, "PUBLIC"));
        assertFails(conn, "42P07", "CREATE VIEW LOWER_V AS SELECT id FROM t");
        exec(conn, "DROP VIEW \"MixedView\"");
        assertFails(conn, "42P01", "DROP VIEW mixedview");
    }

    @Test
    void createExistingViewFailsAndOrReplaceReplaces() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id FROM t");
        assertFails(conn, "42P07", "CREATE VIEW v AS SELECT name FROM t");
        exec(conn, "CREATE OR REPLACE VIEW v AS SELECT name FROM t");
        exec(conn, "CREATE OR REPLACE VIEW fresh AS SELECT name FROM t");
        assertEquals(List.of("FRESH", "V"), views(conn, "PUBLIC"));
    }

    @Test
    void failedReplaceKeepsTheOldView() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id FROM t");
        assertFails(conn, "42703", "CREATE OR REPLACE VIEW v AS SELECT nosuch FROM t");
        assertEquals(List.of("V"), views(conn, "PUBLIC"));
        assertFails(conn, "42P07", "CREATE VIEW v AS SELECT id FROM t");
    }

    @Test
    void tableAndViewNamesClash() throws SQLException {
        assertFails(conn, "42P07", "CREATE VIEW t AS SELECT id FROM t");
        assertFails(conn, "42809", "CREATE OR REPLACE VIEW t AS SELECT id FROM t");
        exec(conn, "CREATE VIEW v AS SELECT id FROM t");
        assertFails(conn, "42P07", "CREATE TABLE v (id INT)");
        exec(conn, "CREATE TABLE IF NOT EXISTS v (id INT)");
        assertEquals(List.of("V"), views(conn, "PUBLIC"));
        assertEquals(List.of("T"), names(conn.getMetaData().getTables(null, "PUBLIC", "%", new String[]{"TABLE"}),
                "TABLE_NAME"));
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:")) {
            exec(h2, "CREATE TABLE t (id INT PRIMARY KEY)", "CREATE VIEW v AS SELECT id FROM t");
            assertThrows(SQLException.class, () -> exec(h2, "CREATE VIEW t AS SELECT id FROM t"));
            assertThrows(SQLException.class, () -> exec(h2, "CREATE TABLE v (id INT)"));
        }
    }

    @Test
    void dropOfTheWrongKindFails() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id FROM t");
        assertFails(conn, "42809", "DROP TABLE v");
        assertFails(conn, "42809", "DROP TABLE IF EXISTS v");
        assertFails(conn, "42809", "DROP VIEW t");
        assertFails(conn, "42809", "DROP VIEW IF EXISTS t");
        assertEquals(List.of("V"), views(conn, "PUBLIC"));
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM t"));
    }

    @Test
    void dropMissingViewFailsUnlessIfExists() throws SQLException {
        assertFails(conn, "42P01", "DROP VIEW nosuch");
        exec(conn, "DROP VIEW IF EXISTS nosuch");
        assertFails(conn, "3F000", "DROP VIEW nowhere.v");
        exec(conn, "DROP VIEW IF EXISTS nowhere.v");
        exec(conn, "CREATE VIEW v AS SELECT id FROM t", "DROP VIEW v RESTRICT");
        assertEquals(List.of(), views(conn, "PUBLIC"));
    }

    @Test
    void viewQueryIsCheckedWhenCreated() throws SQLException {
        assertFails(conn, "42P01", "CREATE VIEW v AS SELECT id FROM nosuch");
        assertFails(conn, "42703", "CREATE VIEW v AS SELECT nosuch FROM t");
        assertFails(conn, "3F000", "CREATE VIEW nowhere.v AS SELECT 1");
        assertFails(conn, "42601", "CREATE VIEW v AS");
        assertEquals(List.of(), views(conn, "PUBLIC"));
    }

    @Test
    void columnListMustMatchTheQuery() throws SQLException {
        assertFails(conn, "42601", "CREATE VIEW v (a, b, c) AS SELECT id, name FROM t");
        assertFails(conn, "42601", "CREATE VIEW v (a) AS SELECT id, name FROM t");
        assertFails(conn, "42701", "CREATE VIEW v (a, a) AS SELECT id, name FROM t");
        assertFails(conn, "42701", "CREATE VIEW v AS SELECT id, id FROM t");
        exec(conn, "CREATE VIEW v (a, \"b\") AS SELECT id, name FROM t");
        exec(conn, "CREATE VIEW w AS SELECT id, id AS id2 FROM t");
        assertEquals(List.of("V", "W"), views(conn, "PUBLIC"));
    }

    @Test
    void parametersAreRefused() throws SQLException {
        assertFails(conn, "0A000", "CREATE VIEW v AS SELECT id FROM t WHERE id = ?");
        SQLException e = assertThrows(SQLException.class,
                () -> conn.prepareStatement("CREATE VIEW v AS SELECT id FROM t WHERE id = ?").execute());
        assertEquals("0A000", e.getSQLState());
        assertTrue(e.getMessage().contains("Parameters"), e.getMessage());
    }

    @Test
    void unsupportedViewOptionsAreRefused() throws SQLException {
        for (String sql : List.of("CREATE MATERIALIZED VIEW v AS SELECT id FROM t",
                "CREATE TEMPORARY VIEW v AS SELECT id FROM t",
                "CREATE FORCE VIEW v AS SELECT id FROM t",
                "CREATE VIEW v AS SELECT id FROM t WITH CHECK OPTION",
                "CREATE VIEW v AS SELECT id FROM t WITH READ ONLY",
                "CREATE VIEW IF NOT EXISTS v AS SELECT id FROM t")) {
            assertFails(conn, "0A000", sql);
        }
        assertFails(conn, "0A000", "DROP MATERIALIZED VIEW v");
        assertFails(conn, "0A000", "DROP VIEW a, b");
        assertEquals(List.of(), views(conn, "PUBLIC"));
    }

    @Test
    void viewDefinitionIsSharedByAllConnections() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id FROM t");
        try (Connection second = Db.open(url)) {
            assertEquals(List.of("V"), views(second, "PUBLIC"));
            assertFails(second, "42P07", "CREATE VIEW v AS SELECT id FROM t");
            exec(second, "DROP VIEW v");
        }
        assertEquals(List.of(), views(conn, "PUBLIC"));
    }

    @Test
    void preparedStatementSeesViewsCreatedAfterIt() throws SQLException {
        try (PreparedStatement createTable = conn.prepareStatement("CREATE TABLE v (id INT)")) {
            exec(conn, "CREATE VIEW v AS SELECT id FROM t");
            assertEquals("42P07", assertThrows(SQLException.class, createTable::execute).getSQLState());
        }
    }

    @Test
    void droppingATableKeepsTheViewsThatReadIt() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id FROM t", "DROP TABLE t");
        assertEquals(List.of("V"), views(conn, "PUBLIC"));
        assertEquals(List.of(), names(conn.getMetaData().getColumns(null, "PUBLIC", "V", "%"), "COLUMN_NAME"));
        exec(conn, "DROP VIEW v");
    }

    @Test
    void viewInAnotherSchemaReadsThatSchema() throws SQLException {
        exec(conn, "CREATE SCHEMA s", "CREATE TABLE s.x (id INT)", "CREATE VIEW s.v AS SELECT id FROM x");
        assertFails(conn, "42P01", "CREATE VIEW s.w AS SELECT id FROM t");
        exec(conn, "CREATE VIEW s.w AS SELECT id FROM public.t");
        assertEquals(List.of("V", "W"), views(conn, "S"));
        assertEquals(List.of(), views(conn, "PUBLIC"));
        exec(conn, "SET SCHEMA s", "DROP VIEW w");
        assertEquals(List.of("V"), views(conn, "S"));
    }

    @Test
    void dropSchemaNeedsCascadeWhenItHasViews() throws SQLException {
        exec(conn, "CREATE SCHEMA s", "CREATE VIEW s.v AS SELECT id FROM public.t");
        assertFails(conn, "2BP01", "DROP SCHEMA s");
        exec(conn, "DROP SCHEMA s CASCADE");
        assertEquals(List.of(), views(conn, "S"));
        exec(conn, "CREATE SCHEMA s", "CREATE TABLE s.v (id INT)");
        assertEquals(List.of(), views(conn, "S"));
    }

    @Test
    void readOnlyTransactionRefusesViewDdl() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id FROM t");
        conn.setReadOnly(true);
        assertFails(conn, "25006", "CREATE VIEW w AS SELECT id FROM t");
        assertFails(conn, "25006", "DROP VIEW v");
        conn.setReadOnly(false);
        exec(conn, "DROP VIEW v");
    }

    @Test
    void metadataListsViewsByType() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id FROM t");
        DatabaseMetaData md = conn.getMetaData();
        assertEquals(List.of("TABLE", "VIEW"), names(md.getTableTypes(), "TABLE_TYPE"));
        assertEquals(List.of("T", "V"), names(md.getTables(null, "PUBLIC", "%", null), "TABLE_NAME"));
        assertEquals(List.of("TABLE", "VIEW"), names(md.getTables(null, "PUBLIC", "%", null), "TABLE_TYPE"));
        assertEquals(List.of("T", "V"),
                names(md.getTables(null, "PUBLIC", "%", new String[]{"VIEW", "TABLE"}), "TABLE_NAME"));
        assertEquals(List.of("T"), names(md.getTables(null, "PUBLIC", "%", new String[]{"TABLE"}), "TABLE_NAME"));
        assertEquals(List.of("V"), names(md.getTables(null, "PUBLIC", "V", new String[]{"view"}), "TABLE_NAME"));
        assertEquals(List.of(), names(md.getTables(null, "PUBLIC", "X%", new String[]{"VIEW"}), "TABLE_NAME"));
        assertEquals(List.of(), names(md.getTables("OTHER", "PUBLIC", "%", new String[]{"VIEW"}), "TABLE_NAME"));
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:")) {
            exec(h2, "CREATE TABLE t (id INT PRIMARY KEY)", "CREATE VIEW v AS SELECT id FROM t");
            assertEquals(views(h2, "PUBLIC"), views(conn, "PUBLIC"));
        }
    }
}
