package io.recall.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseMetaDataTest {
    private String name;
    private Connection c;
    private DatabaseMetaData md;

    @BeforeEach
    void open() throws SQLException {
        name = DriverTest.uniqueName();
        c = DriverManager.getConnection("jdbc:recall:mem:" + name);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ITEM (ID INT PRIMARY KEY, NAME VARCHAR(20) NOT NULL, QTY DECIMAL(8,2) "
                    + "DEFAULT 0)");
            s.execute("CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT PRIMARY KEY)");
        }
        md = c.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static List<String> column(ResultSet rs, String label) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(label));
        }
        rs.close();
        return values;
    }

    @Test
    void identity() throws SQLException {
        assertEquals("Recall", md.getDatabaseProductName());
        assertEquals("0.1.0", md.getDatabaseProductVersion());
        assertEquals(0, md.getDatabaseMajorVersion());
        assertEquals(1, md.getDatabaseMinorVersion());
        assertEquals("Recall JDBC Driver", md.getDriverName());
        assertEquals(4, md.getJDBCMajorVersion());
        assertEquals(2, md.getJDBCMinorVersion());
        assertEquals("jdbc:recall:mem:" + name, md.getURL());
        assertEquals("\"", md.getIdentifierQuoteString());
        assertTrue(md.storesUpperCaseIdentifiers());
        assertTrue(md.supportsBatchUpdates());
        assertTrue(md.supportsGetGeneratedKeys());
        assertTrue(md.supportsSavepoints());
        assertTrue(md.supportsGroupBy());
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
        assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, md.getDefaultTransactionIsolation());
        assertEquals("$#", md.getExtraNameCharacters());
        assertTrue(c == md.getConnection());
    }

    @Test
    void tablesWithStandardLayoutAndPatterns() throws SQLException {
        ResultSet rs = md.getTables(null, null, "%", null);
        assertEquals(10, rs.getMetaData().getColumnCount());
        assertEquals("TABLE_CAT", rs.getMetaData().getColumnLabel(1));
        assertEquals("REF_GENERATION", rs.getMetaData().getColumnLabel(10));
        assertEquals(List.of("ITEM", "flyway_schema_history"), column(rs, "TABLE_NAME"));
        assertEquals(List.of("flyway_schema_history"),
                column(md.getTables(null, "PUBLIC", "flyway_schema_history", null), "TABLE_NAME"));
        assertEquals(List.of("ITEM"), column(md.getTables(name, "PUB%", "I_E%", new String[] {"TABLE"}),
                "TABLE_NAME"));
        assertEquals(List.of(), column(md.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME"));
        assertEquals(List.of(), column(md.getTables("other", null, "%", null), "TABLE_NAME"));
        ResultSet one = md.getTables(c.getCatalog(), null, "ITEM", null);
        assertTrue(one.next());
        assertEquals(name, one.getString(1));
        assertEquals("PUBLIC", one.getString(2));
        assertEquals("TABLE", one.getString(4));
    }

    @Test
    void columnsWithStandardLayout() throws SQLException {
        ResultSet rs = md.getColumns(null, null, "ITEM", null);
        assertEquals(24, rs.getMetaData().getColumnCount());
        assertEquals("IS_GENERATEDCOLUMN", rs.getMetaData().getColumnLabel(24));
        assertTrue(rs.next());
        assertEquals("ID", rs.getString("COLUMN_NAME"));
        assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
        assertFalse(rs.getBoolean("NULLABLE"));
        assertEquals("NO", rs.getString("IS_NULLABLE"));
        assertEquals(1, rs.getInt("ORDINAL_POSITION"));
        assertTrue(rs.next());
        assertEquals("NAME", rs.getString(4));
        assertEquals("CHARACTER VARYING", rs.getString("TYPE_NAME"));
        assertEquals(20, rs.getInt("COLUMN_SIZE"));
        assertTrue(rs.next());
        assertEquals("QTY", rs.getString(4));
        assertEquals(Types.DECIMAL, rs.getInt(5));
        assertEquals(8, rs.getInt("COLUMN_SIZE"));
        assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
        assertTrue(rs.getBoolean("NULLABLE"));
        assertEquals("YES", rs.getString("IS_NULLABLE"));
        assertEquals("0", rs.getString("COLUMN_DEF"));
        assertEquals("NO", rs.getString("IS_AUTOINCREMENT"));
        assertFalse(rs.next());
        assertEquals(List.of("NAME"), column(md.getColumns(null, null, "ITEM", "N%"), "COLUMN_NAME"));
    }

    @Test
    void primaryKeysSchemasCatalogs() throws SQLException {
        ResultSet pk = md.getPrimaryKeys(null, null, "ITEM");
        assertEquals(6, pk.getMetaData().getColumnCount());
        assertTrue(pk.next());
        assertEquals("ID", pk.getString("COLUMN_NAME"));
        assertEquals(1, pk.getShort("KEY_SEQ"));
        assertFalse(pk.next());
        assertTrue(column(md.getSchemas(), "TABLE_SCHEM").contains("PUBLIC"));
        assertEquals(List.of("PUBLIC"), column(md.getSchemas(null, "PUB%"), "TABLE_SCHEM"));
        assertEquals(List.of(name), column(md.getCatalogs(), "TABLE_CAT"));
        assertEquals(List.of("TABLE", "VIEW"), column(md.getTableTypes(), "TABLE_TYPE"));
    }

    @Test
    void typeInfoAndEmptyAnswers() throws SQLException {
        ResultSet types = md.getTypeInfo();
        assertEquals(18, types.getMetaData().getColumnCount());
        List<String> names = column(types, "TYPE_NAME");
        assertTrue(names.contains("INTEGER"));
        assertTrue(names.contains("UUID"));
        assertEquals(io.recall.parser.types.SqlType.values().length - 1, names.size());
        assertEmpty(md.getIndexInfo(null, null, "NO_SUCH_TABLE", false, true), 13);
        assertEmpty(md.getImportedKeys(null, null, "ITEM"), 14);
        assertEmpty(md.getExportedKeys(null, null, "ITEM"), 14);
        assertEmpty(md.getProcedures(null, null, "%"), 9);
        assertEmpty(md.getFunctions(null, null, "%"), 6);
        assertEmpty(md.getUDTs(null, null, "%", null), 7);
        assertEmpty(md.getClientInfoProperties(), 4);
        assertEmpty(md.getPseudoColumns(null, null, "%", "%"), 12);
        assertEmpty(md.getAttributes(null, null, "%", "%"), 21);
        assertEmpty(md.getVersionColumns(null, null, "ITEM"), 8);
        assertEmpty(md.getTablePrivileges(null, null, "%"), 7);
    }

    private static void assertEmpty(ResultSet rs, int columns) throws SQLException {
        assertEquals(columns, rs.getMetaData().getColumnCount());
        assertFalse(rs.next());
        assertNull(rs.getStatement());
    }
}
