package io.recall.harness.values;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

import static io.recall.harness.values.JsonTest.exec;
import static io.recall.harness.values.JsonTest.fails;
import static io.recall.harness.values.JsonTest.memory;
import static io.recall.harness.values.JsonTest.rows;
import static io.recall.harness.values.JsonTest.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves ARRAY columns through JDBC: the declarations (INTEGER ARRAY, VARCHAR(n) ARRAY, INT[], a maximum
// cardinality), ARRAY[...] literals, a[i] from 1 with NULL outside, CARDINALITY, = ANY / <> ALL, equality and
// order, setArray/setObject/getArray/getObject with java.sql.Array, metadata, and arrays after reopening a file
// database and after a backup's restore.
class ArrayTest {
    @TempDir
    Path dir;

    private static Object[] elements(Object array) throws SQLException {
        return (Object[]) ((Array) array).getArray();
    }

    @Test
    void declarationsLiteralsSubscriptsAndCardinality() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, nums INTEGER ARRAY, tags VARCHAR(5) ARRAY NOT NULL,"
                            + " big BIGINT[], few INT ARRAY[3])",
                    "INSERT INTO t VALUES (1, ARRAY[10, 20, 30], ARRAY['a', 'b'], ARRAY[1], ARRAY[1, 2, 3]),"
                            + " (2, ARRAY[5, NULL], ARRAY[]::VARCHAR(5)[], NULL, NULL), (3, NULL, '{x, \"y z\", NULL}',"
                            + " '{7,8}', ARRAY[])");
            assertEquals(Arrays.asList(10, 30, null, null, "b", 3, 2),
                    rows(c, "SELECT nums[1], nums[3], nums[4], nums[0], tags[2], CARDINALITY(nums),"
                            + " CARDINALITY(tags) FROM t WHERE id = 1").get(0));
            assertEquals(Arrays.asList(null, 3, null, "y z", null, 2L), rows(c, "SELECT nums[1], CARDINALITY(tags),"
                    + " CARDINALITY(nums), tags[2], tags[3], big[2] - 6 FROM t WHERE id = 3").get(0));
            assertEquals(Arrays.asList(5, null), Arrays.asList(elements(scalar(c, "SELECT nums FROM t WHERE id = 2"))));
            assertEquals("{x,\"y z\",NULL}", rows(c, "SELECT CAST(tags AS VARCHAR(40)) FROM t WHERE id = 3").get(0).get(0));
            try (PreparedStatement ps = c.prepareStatement("SELECT nums[?] FROM t WHERE id = 1")) {
                ps.setInt(1, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(20, rs.getInt(1));
                }
            }
            fails(c, "2202F", "INSERT INTO t VALUES (4, NULL, ARRAY['a'], NULL, ARRAY[1, 2, 3, 4])");
            fails(c, "22001", "INSERT INTO t VALUES (4, NULL, ARRAY['toolong'], NULL, NULL)");
            fails(c, "22018", "INSERT INTO t VALUES (4, ARRAY['x'], ARRAY['a'], NULL, NULL)");
            fails(c, "22P02", "INSERT INTO t VALUES (4, '{1,{2}}', ARRAY['a'], NULL, NULL)");
            fails(c, "23502", "INSERT INTO t VALUES (4, NULL, NULL, NULL, NULL)");
            fails(c, "42804", "SELECT id[1] FROM t");
            fails(c, "42804", "SELECT nums[1.5] FROM t");
            fails(c, "0A000", "SELECT nums[1:2] FROM t");
            fails(c, "0A000", "SELECT ARRAY[ARRAY[1]] FROM t");
            fails(c, "0A000", "CREATE TABLE u (a INT[][])");
            fails(c, "42804", "SELECT nums + 1 FROM t");
            fails(c, "0A000", "SELECT nums || nums FROM t");
        }
    }

    @Test
    void anyAllEqualityAndOrder() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, a INT ARRAY)",
                    "INSERT INTO t VALUES (1, ARRAY[1, 2, 3]), (2, ARRAY[2, 4]), (3, ARRAY[1, 2, 3]), (4, ARRAY[]),"
                            + " (5, ARRAY[NULL, 9]), (6, NULL), (7, ARRAY[1, 2])");
            assertEquals(List.of(List.of(1), List.of(2), List.of(3), List.of(7)),
                    rows(c, "SELECT id FROM t WHERE 2 = ANY(a) ORDER BY id"));
            assertEquals(List.of(List.of(5)), rows(c, "SELECT id FROM t WHERE 9 = ANY(a)"));
            // 3 <> ALL: rows without 3 and without NULL elements; empty array is TRUE, NULL array NULL
            assertEquals(List.of(List.of(2), List.of(4), List.of(7)), rows(c, "SELECT id FROM t WHERE 3 <> ALL(a) ORDER BY id"));
            assertEquals(List.of(List.of(2), List.of(4), List.of(5), List.of(6)), rows(c,
                    "SELECT id FROM t WHERE NOT COALESCE(1 = ANY(a), FALSE) ORDER BY id"));
            assertEquals(List.of(List.of(1), List.of(3)), rows(c, "SELECT id FROM t WHERE a = ARRAY[1, 2, 3] ORDER BY id"));
            assertEquals(List.of(List.of(1), List.of(3)), rows(c, "SELECT id FROM t WHERE a = '{1,2,3}' ORDER BY id"));
            assertEquals(List.of(List.of(1), List.of(3)), rows(c,
                    "SELECT id FROM t WHERE a = CAST(ARRAY[1.0, 2, 3] AS BIGINT ARRAY) ORDER BY id"));
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE id = ANY(?) ORDER BY id")) {
                ps.setArray(1, c.createArrayOf("INTEGER", new Object[] {2, 5, 99}));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt(1));
                    assertTrue(rs.next());
                    assertEquals(5, rs.getInt(1));
                    assertFalse(rs.next());
                }
            }
            assertEquals(6, rows(c, "SELECT DISTINCT a FROM t").size());
            assertEquals(List.of(List.of(2L)), rows(c, "SELECT COUNT(*) FROM t GROUP BY a HAVING COUNT(*) > 1"));
            // PostgreSQL's order: element by element, NULL elements last, a prefix first
            assertEquals(List.of(List.of(4), List.of(7), List.of(1), List.of(3), List.of(2), List.of(5), List.of(6)),
                    rows(c, "SELECT id FROM t ORDER BY a NULLS LAST, id"));
            assertEquals(List.of(List.of(7)), rows(c, "SELECT id FROM t WHERE a < ARRAY[1, 2, 3] AND CARDINALITY(a) > 0"));
            assertEquals("{NULL,9}", scalar(c, "SELECT CAST(MAX(a) AS VARCHAR(20)) FROM t"));
            assertEquals("{}", scalar(c, "SELECT CAST(MIN(a) AS VARCHAR(20)) FROM t"));
            fails(c, "0A000", "CREATE INDEX t_a ON t (a)");
            fails(c, "0A000", "CREATE TABLE u (a INT ARRAY PRIMARY KEY)");
        }
    }

    @Test
    void jdbcParametersResultsAndMetadata() throws SQLException {
        try (Connection c = memory()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, a INTEGER ARRAY, s VARCHAR(10) ARRAY, d DECIMAL(5, 2) ARRAY)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
                assertEquals(Types.ARRAY, ps.getParameterMetaData().getParameterType(2));
                ps.setInt(1, 1);
                ps.setArray(2, c.createArrayOf("INTEGER", new Integer[] {1, null, 3}));
                ps.setObject(3, new String[] {"x", "y"});
                ps.setObject(4, new double[] {1.5, 2.25});
                ps.executeUpdate();
                ps.setInt(1, 2);
                ps.setObject(2, new long[] {7});
                ps.setObject(3, new Object[0], Types.ARRAY);
                ps.setNull(4, Types.ARRAY);
                ps.executeUpdate();
                ps.setInt(1, 3);
                assertEquals("0A000", org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> ps.setObject(2, new Object[] {new int[] {1}})).getSQLState());
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT a, s, d FROM t ORDER BY id")) {
                assertEquals(Types.ARRAY, rs.getMetaData().getColumnType(1));
                assertEquals("INTEGER ARRAY", rs.getMetaData().getColumnTypeName(1));
                assertEquals("java.sql.Array", rs.getMetaData().getColumnClassName(1));
                assertTrue(rs.next());
                Array a = rs.getArray(1);
                assertEquals("INTEGER", a.getBaseTypeName());
                assertEquals(Types.INTEGER, a.getBaseType());
                assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) a.getArray());
                assertArrayEquals(new Integer[] {3}, (Integer[]) a.getArray(3, 1));
                try (ResultSet elements = a.getResultSet()) {
                    assertTrue(elements.next());
                    assertEquals(1, elements.getInt("INDEX"));
                    assertEquals(1, elements.getInt("VALUE"));
                    assertTrue(elements.next());
                    assertNull(elements.getObject(2));
                }
                assertArrayEquals(new String[] {"x", "y"}, (String[]) rs.getArray("s").getArray());
                assertArrayEquals(new BigDecimal[] {new BigDecimal("1.50"), new BigDecimal("2.25")},
                        (BigDecimal[]) assertInstanceOf(Array.class, rs.getObject(3)).getArray());
                assertEquals("{1,NULL,3}", rs.getString(1));
                assertTrue(rs.next());
                assertArrayEquals(new Integer[] {7}, (Integer[]) rs.getArray(1).getArray());
                assertEquals(0, ((Object[]) rs.getArray(2).getArray()).length);
                assertNull(rs.getArray(3));
            }
            try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "T", "S")) {
                assertTrue(rs.next());
                assertEquals(Types.ARRAY, rs.getInt("DATA_TYPE"));
                assertEquals("CHARACTER VARYING ARRAY", rs.getString("TYPE_NAME"));
            }
            assertEquals("CHARACTER VARYING(10) ARRAY", scalar(c, "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'T' AND COLUMN_NAME = 'S'"));
        }
    }

    @Test
    void arraysSurviveReopeningAndBackup() throws SQLException {
        String url = "jdbc:recall:file:" + dir.resolve("db");
        try (Connection c = DriverManager.getConnection(url)) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, a INT ARRAY, s VARCHAR(8)[] , w TIMESTAMP ARRAY[2])",
                    "INSERT INTO t VALUES (1, ARRAY[3, NULL, 1], ARRAY['p q', ''], ARRAY[TIMESTAMP '2026-01-02 03:04:05'])");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("{3,NULL,1}", rows(c, "SELECT CAST(a AS VARCHAR(20)) FROM t").get(0).get(0));
            assertEquals(List.of(List.of(1)), rows(c, "SELECT id FROM t WHERE s = ARRAY['p q', ''] AND 1 = ANY(a)"));
            assertEquals("TIMESTAMP ARRAY[2]", scalar(c, "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'T' AND COLUMN_NAME = 'W'"));
            fails(c, "2202F", "UPDATE t SET w = ARRAY[w[1], w[1], w[1]]");
            exec(c, "BACKUP TO '" + dir.resolve("b.backup") + "'");
        }
        try (Connection c = memory()) {
            exec(c, "RESTORE FROM '" + dir.resolve("b.backup") + "'");
            assertEquals(Arrays.asList(3, "", java.sql.Timestamp.valueOf("2026-01-02 03:04:05")),
                    rows(c, "SELECT a[1], s[2], w[1] FROM t").get(0));
        }
    }
}
