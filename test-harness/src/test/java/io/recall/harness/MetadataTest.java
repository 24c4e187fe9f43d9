package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.recall.harness.Db.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves DatabaseMetaData (tables, columns, keys, schemas) and ResultSetMetaData describe what was created.
class MetadataTest {
    private Connection conn;
    private DatabaseMetaData md;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE items (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(10,2),"
                        + " created TIMESTAMP, flag BOOLEAN)",
                "CREATE TABLE \"MixedCase\" (\"camelCol\" INT, other BIGINT)",
                "CREATE TABLE pairs (a INT, b VARCHAR(5), v DOUBLE, PRIMARY KEY (b, a))",
                "CREATE SCHEMA inventory",
                "CREATE TABLE inventory.stock (sku VARCHAR(10) PRIMARY KEY, qty INT)");
        md = conn.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static List<String> column(ResultSet rs, String label) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(label));
            }
        }
        return out;
    }

    @Test
    void productAndDriverInformation() throws SQLException {
        assertNotNull(md.getDatabaseProductName());
        assertNotNull(md.getDriverName());
        assertNotNull(md.getDriverVersion());
        assertTrue(md.getURL().startsWith("jdbc:recall:mem:"), md.getURL());
        assertTrue(md.getJDBCMajorVersion() >= 4);
        assertEquals(conn, md.getConnection());
    }

    @Test
    void getTablesReportsUpperCaseAndQuotedNames() throws SQLException {
        List<String> publicTables = column(md.getTables(null, "PUBLIC", "%", new String[]{"TABLE"}), "TABLE_NAME");
        assertTrue(publicTables.containsAll(List.of("ITEMS", "MixedCase", "PAIRS")), publicTables.toString());
        assertFalse(publicTables.contains("STOCK"), publicTables.toString());
        assertFalse(publicTables.contains("items"), publicTables.toString());

        try (ResultSet rs = md.getTables(null, null, "ITEMS", null)) {
            assertTrue(rs.next());
            assertEquals("PUBLIC", rs.getString("TABLE_SCHEM"));
            assertEquals("ITEMS", rs.getString("TABLE_NAME"));
            assertEquals("TABLE", rs.getString("TABLE_TYPE"));
            assertFalse(rs.next());
        }
        assertEquals(List.of("STOCK"), column(md.getTables(null, "INVENTORY", "%", null), "TABLE_NAME"));
        assertEquals(List.of("MixedCase"), column(md.getTables(null, null, "MixedCase", null), "TABLE_NAME"));
        assertEquals(List.of(), column(md.getTables(null, null, "MIXEDCASE", null), "TABLE_NAME"));
        assertEquals(List.of(), column(md.getTables(null, null, "NO_SUCH_TABLE", null), "TABLE_NAME"));
    }

    @Test
    void droppedTableDisappearsFromMetadata() throws SQLException {
        exec(conn, "DROP TABLE pairs");
        assertEquals(List.of(), column(md.getTables(null, "PUBLIC", "PAIRS", null), "TABLE_NAME"));
    }

    @Test
    void getColumnsDescribesEachColumn() throws SQLException {
        Map<String, Object[]> cols = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(null, "PUBLIC", "ITEMS", "%")) {
            while (rs.next()) {
                assertEquals("ITEMS", rs.getString("TABLE_NAME"));
                cols.put(rs.getString("COLUMN_NAME"), new Object[]{rs.getInt("DATA_TYPE"), rs.getInt("NULLABLE"),
                        rs.getInt("ORDINAL_POSITION"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                        rs.getString("IS_NULLABLE")});
            }
        }
        assertEquals(List.of("ID", "NAME", "PRICE", "CREATED", "FLAG"), new ArrayList<>(cols.keySet()));
        assertEquals(Types.INTEGER, cols.get("ID")[0]);
        assertEquals(Types.VARCHAR, cols.get("NAME")[0]);
        int priceType = (int) cols.get("PRICE")[0];
        assertTrue(priceType == Types.DECIMAL || priceType == Types.NUMERIC, "PRICE type " + priceType);
        assertEquals(Types.TIMESTAMP, cols.get("CREATED")[0]);
        assertEquals(Types.BOOLEAN, cols.get("FLAG")[0]);
        assertEquals(DatabaseMetaData.columnNoNulls, cols.get("ID")[1]);
        assertEquals(DatabaseMetaData.columnNoNulls, cols.get("NAME")[1]);
        assertEquals(DatabaseMetaData.columnNullable, cols.get("PRICE")[1]);
        assertEquals("NO", cols.get("NAME")[5]);
        assertEquals("YES", cols.get("PRICE")[5]);
        assertEquals(List.of(1, 2, 3, 4, 5), cols.values().stream().map(v -> (Integer) v[2]).toList());
        assertEquals(20, cols.get("NAME")[3]);
        assertEquals(10, cols.get("PRICE")[3]);
        assertEquals(2, cols.get("PRICE")[4]);
    }

    @Test
    void getColumnsOfQuotedTableKeepsExactNames() throws SQLException {
        assertEquals(List.of("camelCol", "OTHER"), column(md.getColumns(null, null, "MixedCase", null), "COLUMN_NAME"));
        assertEquals(List.of("camelCol"), column(md.getColumns(null, null, "MixedCase", "camel%"), "COLUMN_NAME"));
    }

    @Test
    void getPrimaryKeysInKeyOrder() throws SQLException {
        try (ResultSet rs = md.getPrimaryKeys(null, "PUBLIC", "ITEMS")) {
            assertTrue(rs.next());
            assertEquals("ID", rs.getString("COLUMN_NAME"));
            assertEquals(1, rs.getInt("KEY_SEQ"));
            assertFalse(rs.next());
        }
        Map<Integer, String> bySeq = new LinkedHashMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, "PUBLIC", "PAIRS")) {
            while (rs.next()) {
                assertEquals("PAIRS", rs.getString("TABLE_NAME"));
                bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        assertEquals(Map.of(1, "B", 2, "A"), bySeq);
        assertEquals(List.of("SKU"), column(md.getPrimaryKeys(null, "INVENTORY", "STOCK"), "COLUMN_NAME"));
        assertEquals(List.of(), column(md.getPrimaryKeys(null, "PUBLIC", "MixedCase"), "COLUMN_NAME"));
    }

    @Test
    void getSchemasListsDefaultAndCreatedSchemas() throws SQLException {
        List<String> schemas = column(md.getSchemas(), "TABLE_SCHEM");
        assertTrue(schemas.containsAll(List.of("PUBLIC", "INVENTORY")), schemas.toString());
        exec(conn, "DROP TABLE inventory.stock", "DROP SCHEMA inventory");
        schemas = column(md.getSchemas(), "TABLE_SCHEM");
        assertFalse(schemas.contains("INVENTORY"), schemas.toString());
    }

    @Test
    void resultSetMetaDataLabelsTypesAndNullability() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT id, name AS label, price, created, flag, id + 1 AS nxt FROM items")) {
            ResultSetMetaData rmd = rs.getMetaData();
            assertEquals(6, rmd.getColumnCount());
            assertEquals("ID", rmd.getColumnLabel(1));
            assertEquals("LABEL", rmd.getColumnLabel(2));
            assertEquals("NXT", rmd.getColumnLabel(6));
            assertEquals(Types.INTEGER, rmd.getColumnType(1));
            assertEquals(Types.VARCHAR, rmd.getColumnType(2));
            assertTrue(rmd.getColumnType(3) == Types.DECIMAL || rmd.getColumnType(3) == Types.NUMERIC);
            assertEquals(10, rmd.getPrecision(3));
            assertEquals(2, rmd.getScale(3));
            assertEquals(Types.TIMESTAMP, rmd.getColumnType(4));
            assertEquals(Types.BOOLEAN, rmd.getColumnType(5));
            assertEquals(ResultSetMetaData.columnNoNulls, rmd.isNullable(1));
            assertEquals(ResultSetMetaData.columnNoNulls, rmd.isNullable(2));
            assertEquals(ResultSetMetaData.columnNullable, rmd.isNullable(3));
            assertEquals("java.lang.Integer", rmd.getColumnClassName(1));
            assertEquals("java.lang.String", rmd.getColumnClassName(2));
            assertEquals("java.math.BigDecimal", rmd.getColumnClassName(3));
            assertEquals("java.sql.Timestamp", rmd.getColumnClassName(4));
        }
    }

    @Test
    void resultSetMetaDataOfMoreTypes() throws SQLException {
        exec(conn, "CREATE TABLE more (a BIGINT, b SMALLINT, c DOUBLE, d REAL, e DATE, f TIME,"
                + " g TIMESTAMP WITH TIME ZONE, h CHAR(3))");
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM more")) {
            ResultSetMetaData rmd = rs.getMetaData();
            assertEquals(Types.BIGINT, rmd.getColumnType(1));
            assertEquals(Types.SMALLINT, rmd.getColumnType(2));
            assertEquals(Types.DOUBLE, rmd.getColumnType(3));
            assertEquals(Types.REAL, rmd.getColumnType(4));
            assertEquals(Types.DATE, rmd.getColumnType(5));
            assertEquals(Types.TIME, rmd.getColumnType(6));
            assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, rmd.getColumnType(7));
            assertEquals("java.time.OffsetDateTime", rmd.getColumnClassName(7));
            assertEquals(Types.CHAR, rmd.getColumnType(8));
            assertEquals("A", rmd.getColumnName(1));
            assertFalse(rs.next());
        }
    }

    @Test
    void resultSetMetaDataOfQuotedColumns() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM \"MixedCase\"")) {
            ResultSetMetaData rmd = rs.getMetaData();
            assertEquals("camelCol", rmd.getColumnLabel(1));
            assertEquals("OTHER", rmd.getColumnLabel(2));
            assertEquals(Types.BIGINT, rmd.getColumnType(2));
        }
    }

    @Test
    void indexInfoListsThePrimaryKeyUniqueConstraintsAndIndexes() throws SQLException {
        exec(conn, "CREATE UNIQUE INDEX items_name ON items (name)", "CREATE INDEX items_price ON items (price DESC, id)",
                "ALTER TABLE items ADD CONSTRAINT items_created_key UNIQUE (created)");
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = md.getIndexInfo(null, "PUBLIC", "ITEMS", false, true)) {
            while (rs.next()) {
                rows.add(rs.getBoolean("NON_UNIQUE") + " " + rs.getString("INDEX_NAME") + " "
                        + rs.getShort("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
                        + rs.getString("ASC_OR_DESC") + " " + rs.getShort("TYPE") + " " + rs.getString("TABLE_NAME"));
            }
        }
        assertEquals(List.of("false ITEMS_CREATED_KEY 1 CREATED A 3 ITEMS", "false ITEMS_NAME 1 NAME A 3 ITEMS",
                "false ITEMS_PKEY 1 ID A 3 ITEMS", "true ITEMS_PRICE 1 PRICE D 3 ITEMS",
                "true ITEMS_PRICE 2 ID A 3 ITEMS"), rows);
        assertEquals(List.of("ITEMS_CREATED_KEY", "ITEMS_NAME", "ITEMS_PKEY"),
                column(md.getIndexInfo(null, null, "ITEMS", true, false), "INDEX_NAME"));
        assertEquals(List.of("PAIRS_PKEY", "PAIRS_PKEY"), column(md.getIndexInfo(null, "PUBLIC", "PAIRS", false, false),
                "INDEX_NAME"));
        assertFalse(md.getIndexInfo(null, "PUBLIC", "NOPE", false, false).next());
    }
}
