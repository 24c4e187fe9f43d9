package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Proves queries over views give the rows H2 gives for the same schema, data and statements.
class ViewQueryTest {
    private Connection conn;
    private Connection h2;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        h2 = DriverManager.getConnection("jdbc:h2:mem:");
        both("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10), qty INT)",
                "INSERT INTO t VALUES (1, 'pen', 5), (2, 'ink', 0), (3, 'pad', 2), (4, 'cap', NULL)",
                "CREATE TABLE price (id INT PRIMARY KEY, amount DECIMAL(6,2))",
                "INSERT INTO price VALUES (1, 1.50), (3, 4.25), (9, 9.99)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        h2.close();
    }

    private void both(String... sqls) throws SQLException {
        exec(conn, sqls);
        exec(h2, sqls);
    }

    /** Rows as strings, so that the two engines' Java classes for a type do not matter. */
    private static List<List<String>> text(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        for (List<Object> row : rows(c, sql)) {
            out.add(row.stream().map(v -> v == null ? null : v.toString()).toList());
        }
        return out;
    }

    private void sameAsH2(String sql) throws SQLException {
        assertEquals(text(h2, sql), text(conn, sql), sql);
    }

    private static List<String> labels(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i));
            }
            return out;
        }
    }

    @Test
    void selectStarFromAView() throws SQLException {
        both("CREATE VIEW v AS SELECT id, name FROM t");
        sameAsH2("SELECT * FROM v ORDER BY id");
        sameAsH2("SELECT name FROM v WHERE id = 3");
        assertEquals(List.of("ID", "NAME"), labels(conn, "SELECT * FROM v"));
    }

    @Test
    void viewWithWhereAndOrderBy() throws SQLException {
        both("CREATE VIEW stocked AS SELECT id, name, qty FROM t WHERE qty > 0 ORDER BY name");
        sameAsH2("SELECT * FROM stocked ORDER BY name");
        sameAsH2("SELECT name FROM stocked WHERE qty < 5 ORDER BY id");
        sameAsH2("SELECT id FROM stocked ORDER BY qty DESC LIMIT 1");
    }

    @Test
    void viewOverAView() throws SQLException {
        both("CREATE VIEW stocked AS SELECT id, name, qty FROM t WHERE qty > 0",
                "CREATE VIEW big AS SELECT name, qty * 10 AS tens FROM stocked WHERE qty >= 2");
        sameAsH2("SELECT * FROM big ORDER BY name");
        sameAsH2("SELECT tens FROM big WHERE name = 'pen'");
    }

    @Test
    void viewJoinedWithATable() throws SQLException {
        both("CREATE VIEW named AS SELECT id, name FROM t");
        sameAsH2("SELECT n.name, p.amount FROM named n JOIN price p ON p.id = n.id ORDER BY n.id");
        sameAsH2("SELECT n.name, p.amount FROM named n LEFT JOIN price p ON p.id = n.id ORDER BY n.id");
    }

    @Test
    void columnListRenamesTheColumns() throws SQLException {
        both("CREATE VIEW v (code, label) AS SELECT id, name FROM t");
        sameAsH2("SELECT label FROM v WHERE code > 1 ORDER BY code");
        assertEquals(List.of("CODE", "LABEL"), labels(conn, "SELECT * FROM v"));
        assertFails(conn, "42703", "SELECT id FROM v");
    }

    private static List<List<String>> viewColumns(Connection c) throws SQLException {
        List<List<String>> columns = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "V", "%")) {
            while (rs.next()) {
                columns.add(List.of(rs.getString("COLUMN_NAME"), rs.getString("DATA_TYPE"),
                        rs.getString("ORDINAL_POSITION")));
            }
        }
        return columns;
    }

    @Test
    void metadataDescribesViewColumns() throws SQLException {
        both("CREATE VIEW v (code, label, doubled) AS SELECT id, name, qty * 2 FROM t");
        assertEquals(List.of(List.of("CODE", "4", "1"), List.of("LABEL", "12", "2"), List.of("DOUBLED", "4", "3")),
                viewColumns(conn));
        assertEquals(viewColumns(h2), viewColumns(conn));
    }

    @Test
    void viewSeesRowsAddedAfterItWasCreated() throws SQLException {
        both("CREATE VIEW v AS SELECT id, name FROM t WHERE qty IS NOT NULL");
        both("INSERT INTO t VALUES (5, 'ruler', 1)", "UPDATE t SET qty = 7 WHERE id = 4", "DELETE FROM t WHERE id = 1");
        sameAsH2("SELECT * FROM v ORDER BY id");
    }

    @Test
    void replacedViewAnswersWithItsNewQuery() throws SQLException {
        both("CREATE VIEW v AS SELECT id FROM t", "CREATE OR REPLACE VIEW v AS SELECT name FROM t WHERE id < 3");
        sameAsH2("SELECT * FROM v ORDER BY name");
    }

    @Test
    void viewInAnotherSchemaReadsItsOwnSchema() throws SQLException {
        exec(conn, "CREATE SCHEMA s", "CREATE TABLE s.t (id INT)", "INSERT INTO s.t VALUES (42)",
                "CREATE VIEW s.v AS SELECT id FROM t");
        assertEquals(List.of(List.of("42")), text(conn, "SELECT * FROM s.v"));
    }

    @Test
    void viewFailsWithUndefinedTableAfterItsTableIsDropped() throws SQLException {
        exec(conn, "CREATE VIEW v AS SELECT id FROM t", "DROP TABLE t");
        assertFails(conn, "42P01", "SELECT * FROM v");
        exec(conn, "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (7)");
        assertEquals(List.of(List.of("7")), text(conn, "SELECT * FROM v"));
    }

    @Test
    void circularViewsAreRefused() throws SQLException {
        exec(conn, "CREATE VIEW a AS SELECT id FROM t", "CREATE VIEW b AS SELECT id FROM a");
        assertFails(conn, "54001", "CREATE OR REPLACE VIEW a AS SELECT id FROM b");
        assertEquals(4, Db.count(conn, "SELECT * FROM b"));
    }
}
