package io.recall.harness.values;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves JSON and JSONB columns through JDBC: stored parsed, ->, ->> and JSON_VALUE, equality that ignores member
// order and number spelling, no order (refused clearly), casts, parameters and results, metadata, and that the
// documents survive a file database's reopening and a backup's restore.
class JsonTest {
    @TempDir
    Path dir;

    static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:recall:mem:j" + UUID.randomUUID().toString().replace("-", ""));
    }

    static void exec(Connection c, String... sqls) throws SQLException {
        for (String sql : sqls) {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
    }

    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    static Object scalar(Connection c, String sql) throws SQLException {
        List<List<Object>> r = rows(c, sql);
        assertEquals(1, r.size(), sql);
        return r.get(0).get(0);
    }

    static SQLException fails(Connection c, String state, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> exec(c, sql), sql);
        assertEquals(state, e.getSQLState(), () -> sql + ": " + e.getMessage());
        return e;
    }

    private static void fill(Connection c) throws SQLException {
        exec(c, "CREATE TABLE docs (id INT PRIMARY KEY, j JSON, b JSONB)",
                "INSERT INTO docs VALUES (1, '{\"name\": \"Ada\", \"tags\": [\"x\", \"y\"], \"addr\": {\"city\": \"London\"},"
                        + " \"n\": 1.50, \"none\": null}', '[10, 20, 30]')",
                "INSERT INTO docs VALUES (2, '{\"name\": \"Bob\", \"n\": 2}', 'true')",
                "INSERT INTO docs VALUES (3, NULL, '\"text\"')");
    }

    @Test
    void operatorsSelectMembersAndElements() throws SQLException {
        try (Connection c = memory()) {
            fill(c);
            assertEquals(Arrays.asList("\"Ada\"", "Ada", "\"x\"", "y", "London", "1.50", null, "null", null),
                    rows(c, "SELECT j -> 'name', j ->> 'name', j -> 'tags' -> 0, j -> 'tags' ->> -1,"
                            + " j -> 'addr' ->> 'city', j ->> 'n', j ->> 'none', j -> 'none', j -> 'missing'"
                            + " FROM docs WHERE id = 1").get(0));
            assertEquals(Arrays.asList("20", null, null), rows(c, "SELECT b -> 1, b -> 5, b -> 'k' FROM docs WHERE id = 1").get(0));
            assertEquals(List.of(List.of(2)), rows(c, "SELECT id FROM docs WHERE j ->> 'name' = 'Bob'"));
            assertEquals(List.of(List.of(1)), rows(c, "SELECT id FROM docs WHERE (j -> 'addr' ->> 'city') LIKE 'Lon%'"));
            try (PreparedStatement ps = c.prepareStatement("SELECT j ->> ? FROM docs WHERE id = ?")) {
                ps.setString(1, "name");
                ps.setInt(2, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("Bob", rs.getString(1));
                }
            }
            fails(c, "42883", "SELECT id -> 'a' FROM docs");
            assertEquals("Adax", scalar(c, "SELECT j ->> 'name' || 'x' FROM docs WHERE id = 1"));
            assertEquals(List.of(List.of(1)), rows(c, "SELECT id FROM docs WHERE j -> 'tags' ->> 0 = 'x' AND id < 5"
                    + " AND j ->> 'n' IS NOT NULL AND j ->> 'name' IN ('Ada', 'Eve')"));
            fails(c, "42804", "SELECT j -> 1 - 1 FROM docs"); // PostgreSQL reads j -> (1 - 1); refused, never misread
            assertEquals("Adax", scalar(c, "SELECT (j ->> 'name') || 'x' FROM docs WHERE id = 1"));
        }
    }

    @Test
    void jsonValueReadsASimplePath() throws SQLException {
        try (Connection c = memory()) {
            fill(c);
            assertEquals(Arrays.asList("London", "y", "1.50", null, null, null),
                    rows(c, "SELECT JSON_VALUE(j, '$.addr.city'), JSON_VALUE(j, '$.tags[1]'), JSON_VALUE(j, '$.n'),"
                            + " JSON_VALUE(j, '$.addr'), JSON_VALUE(j, '$.none'), JSON_VALUE(j, 'lax $.nope[3].x')"
                            + " FROM docs WHERE id = 1").get(0));
            assertEquals(30, scalar(c, "SELECT JSON_VALUE(b, '$[2]' RETURNING INTEGER) FROM docs WHERE id = 1"));
            assertEquals(List.of(List.of(2)), rows(c, "SELECT id FROM docs WHERE JSON_VALUE(j, '$.\"name\"') = 'Bob'"));
            for (String path : new String[] {"$.tags[*]", "$.*", "$..name", "strict $.name", "$.tags[last]",
                "$.name.size()", "$.tags[0 to 1]", "$ ? (@.n > 1)"}) {
                SQLException e = fails(c, "0A000", "SELECT JSON_VALUE(j, '" + path + "') FROM docs");
                assertTrue(e.getMessage().contains("JSON path"), e.getMessage());
            }
            fails(c, "42601", "SELECT JSON_VALUE(j, 'name') FROM docs");
            fails(c, "0A000", "SELECT JSON_QUERY(j, '$.tags') FROM docs");
        }
    }

    @Test
    void equalityIgnoresMemberOrderAndNumberSpellingAndGroupsThatWay() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, j JSON)",
                    "INSERT INTO t VALUES (1, '{\"a\": 1, \"b\": [1, 2]}'), (2, '{\"b\": [1.0, 2.00], \"a\": 1}'),"
                            + " (3, '{\"a\": 2}'), (4, '[1, 2]'), (5, '[2, 1]')");
            assertEquals(List.of(List.of(1), List.of(2)),
                    rows(c, "SELECT id FROM t WHERE j = '{\"b\":[1,2],\"a\":1.0}' ORDER BY id"));
            assertEquals(List.of(List.of(3L)), rows(c, "SELECT COUNT(*) FROM t WHERE j <> CAST('{\"a\":1,\"b\":[1,2]}' AS JSON)"));
            assertEquals(4, rows(c, "SELECT DISTINCT j FROM t").size());
            assertEquals(List.of(List.of(2L)), rows(c, "SELECT COUNT(*) FROM t GROUP BY j HAVING COUNT(*) > 1"));
            assertEquals(List.of(List.of(1, 2)),
                    rows(c, "SELECT x.id, y.id FROM t x JOIN t y ON x.j = y.j AND x.id < y.id"));
            assertEquals(List.of(List.of(4)), rows(c, "SELECT id FROM t WHERE j -> 0 = CAST(1 AS JSON)"));
            // text keeps the document as written (compact), member order included
            assertEquals("{\"b\":[1.0,2.00],\"a\":1}", scalar(c, "SELECT j FROM t WHERE id = 2"));
        }
    }

    @Test
    void documentsHaveNoOrderAndSayNoClearly() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, j JSON)", "INSERT INTO t VALUES (1, '1'), (2, '2')");
            fails(c, "0A000", "SELECT id FROM t ORDER BY j");
            fails(c, "42883", "SELECT id FROM t WHERE j < '3'");
            fails(c, "42883", "SELECT id FROM t WHERE j BETWEEN '1' AND '3'");
            fails(c, "42883", "SELECT MAX(j) FROM t");
            fails(c, "42804", "SELECT j + 1 FROM t");
            fails(c, "0A000", "CREATE INDEX t_j ON t (j)");
            fails(c, "0A000", "ALTER TABLE t ADD CONSTRAINT t_j_key UNIQUE (j)");
            fails(c, "0A000", "CREATE TABLE u (j JSON PRIMARY KEY)");
            fails(c, "0A000", "SELECT id FROM t WHERE j > ALL (SELECT j FROM t)");
            assertEquals(List.of(List.of(2)), rows(c, "SELECT id FROM t WHERE j = ANY (SELECT j FROM t WHERE id > 1)"));
        }
    }

    @Test
    void invalidDocumentsAre22P02AndCastsGoBothWays() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, j JSON)");
            for (String bad : new String[] {"{", "{'a': 1}", "[1,]", "", "1 2", "{\"a\": 1} x", "nul"}) {
                SQLException e = fails(c, "22P02", "INSERT INTO t VALUES (1, '" + bad.replace("'", "''") + "')");
                assertTrue(e.getMessage().contains("JSON"), e.getMessage());
            }
            assertEquals(0, rows(c, "SELECT * FROM t").size());
            assertEquals("{\"a\":[1,true,null]}", scalar(c, "SELECT CAST(' { \"a\" : [1, true, null] } ' AS JSON)"));
            assertEquals("{\"a\":1}", scalar(c, "SELECT CAST(CAST('{\"a\":1}' AS JSONB) AS VARCHAR(20))"));
            assertEquals("2.5", scalar(c, "SELECT CAST(2.5 AS JSON)"));
            assertEquals("\"a\\\"b\"", scalar(c, "SELECT CAST('\"a\\\"b\"' AS JSON)"));
            fails(c, "22P02", "SELECT CAST('{x}' AS JSON)");
        }
    }

    @Test
    void parametersResultsAndMetadata() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, j JSON, b JSONB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                assertEquals(Types.OTHER, ps.getParameterMetaData().getParameterType(2));
                ps.setInt(1, 1);
                ps.setString(2, "{\"k\": [1, 2]}");
                ps.setObject(3, "{\"z\": 0}", Types.OTHER);
                ps.executeUpdate();
                ps.setInt(1, 2);
                ps.setObject(2, "[]");
                ps.setNull(3, Types.OTHER);
                ps.executeUpdate();
                ps.setInt(1, 3);
                ps.setString(2, "{bad");
                SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("22P02", e.getSQLState());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE j = ?")) {
                ps.setString(1, "{ \"k\" : [1.0, 2] }");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(1, rs.getInt(1));
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT j, b FROM t ORDER BY id")) {
                assertEquals(Types.OTHER, rs.getMetaData().getColumnType(1));
                assertEquals("JSON", rs.getMetaData().getColumnTypeName(1));
                assertEquals(String.class.getName(), rs.getMetaData().getColumnClassName(1));
                assertTrue(rs.next());
                assertEquals("{\"k\":[1,2]}", rs.getObject(1));
                assertEquals("{\"k\":[1,2]}", rs.getString(1));
                assertEquals("{\"z\":0}", rs.getObject(2, String.class));
                assertTrue(rs.next());
                assertEquals("[]", rs.getObject(1));
                assertNull(rs.getObject(2));
            }
            try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "T", "B")) {
                assertTrue(rs.next());
                assertEquals(Types.OTHER, rs.getInt("DATA_TYPE"));
                assertEquals("JSON", rs.getString("TYPE_NAME"));
            }
            assertEquals("JSON", scalar(c, "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'T'"
                    + " AND COLUMN_NAME = 'J'"));
        }
    }

    @Test
    void documentsSurviveReopeningAndBackup() throws SQLException {
        String url = "jdbc:recall:file:" + dir.resolve("db");
        String doc = "{\"deep\":{\"list\":[1,2.50,{\"x\":null}],\"s\":\"\u00e9\\n\"},\"a\":true}";
        try (Connection c = DriverManager.getConnection(url)) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, j JSON)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (1, ?)")) {
                ps.setString(1, doc);
                ps.executeUpdate();
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(doc, scalar(c, "SELECT j FROM t"));
            assertEquals("2.50", scalar(c, "SELECT j -> 'deep' -> 'list' ->> 1 FROM t"));
            exec(c, "BACKUP TO '" + dir.resolve("b.backup") + "'");
        }
        try (Connection c = memory()) {
            exec(c, "RESTORE FROM '" + dir.resolve("b.backup") + "'");
            assertEquals(doc, scalar(c, "SELECT j FROM t WHERE j = '" + doc.replace("'", "''") + "'"));
        }
    }
}
