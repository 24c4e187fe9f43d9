package io.recall.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:recall:mem:" + DriverTest.uniqueName());
        s = c.createStatement();
        s.execute("CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(8,2), "
                + "made TIMESTAMP, flag BOOLEAN)");
        s.executeUpdate("INSERT INTO item VALUES (1, 'apple', 1.50, TIMESTAMP '2024-01-02 03:04:05', TRUE), "
                + "(2, 'pear', NULL, NULL, FALSE)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void executeReportsOneResultThenNoMore() throws SQLException {
        assertTrue(s.execute("SELECT id FROM item"));
        ResultSet rs = s.getResultSet();
        assertEquals(-1, s.getUpdateCount());
        assertFalse(s.getMoreResults());
        assertTrue(rs.isClosed());
        assertNull(s.getResultSet());
        assertEquals(-1, s.getUpdateCount());

        assertFalse(s.execute("UPDATE item SET flag = TRUE"));
        assertEquals(2, s.getUpdateCount());
        assertNull(s.getResultSet());
        assertFalse(s.getMoreResults());
        assertEquals(-1, s.getUpdateCount());
    }

    @Test
    void executeQueryAndExecuteUpdateCheckTheKind() throws SQLException {
        SQLException notQuery = assertThrows(SQLException.class, () -> s.executeQuery("DELETE FROM item"));
        assertEquals("07005", notQuery.getSQLState());
        assertEquals(2, count("SELECT * FROM item"), "the DELETE must not have run");
        SQLException query = assertThrows(SQLException.class, () -> s.executeUpdate("SELECT * FROM item"));
        assertEquals("07003", query.getSQLState());
        assertEquals(1L, s.executeLargeUpdate("DELETE FROM item WHERE id = 2"));
    }

    private int count(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void gettersConvertAndTrackNulls() throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT id, name, price, made, flag FROM item ORDER BY id")) {
            assertThrows(SQLException.class, () -> rs.getInt(1), "before next");
            assertTrue(rs.next());
            assertEquals(1, rs.getInt("ID"));
            assertEquals(1, rs.getInt("id"));
            assertEquals("apple", rs.getString("Name"));
            assertEquals(new BigDecimal("1.50"), rs.getBigDecimal(3));
            assertEquals("1.50", rs.getString(3));
            assertEquals(2, rs.getInt(3));
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getTimestamp(4));
            assertEquals(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getObject(4));
            assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), rs.getObject(4, LocalDateTime.class));
            assertEquals(LocalDate.of(2024, 1, 2), rs.getDate(4).toLocalDate());
            assertEquals("2024-01-02 03:04:05", rs.getString(4));
            assertTrue(rs.getBoolean(5));
            assertEquals("TRUE", rs.getString(5));
            assertEquals(Boolean.TRUE, rs.getObject(5));
            assertFalse(rs.wasNull());
            assertTrue(rs.next());
            assertEquals(0, rs.getInt("price"));
            assertTrue(rs.wasNull());
            assertNull(rs.getBigDecimal("price"));
            assertNull(rs.getTimestamp(4));
            assertNull(rs.getObject(4, LocalDateTime.class));
            assertFalse(rs.next());
            assertEquals("24000", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState());
        }
    }

    @Test
    void unknownLabelsAndIndexesAreNamed() throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT id FROM item")) {
            assertTrue(rs.next());
            SQLException label = assertThrows(SQLException.class, () -> rs.getString("nope"));
            assertTrue(label.getMessage().contains("nope"));
            assertEquals("42703", label.getSQLState());
            SQLException index = assertThrows(SQLException.class, () -> rs.getString(5));
            assertEquals("07009", index.getSQLState());
            assertTrue(index.getMessage().contains("5"));
        }
    }

    @Test
    void resultSetCursorState() throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT id FROM item ORDER BY id")) {
            assertTrue(rs.isBeforeFirst());
            assertEquals(0, rs.getRow());
            assertTrue(rs.next());
            assertTrue(rs.isFirst());
            assertFalse(rs.isLast());
            assertEquals(1, rs.getRow());
            assertFalse(rs.rowDeleted());
            assertFalse(rs.rowInserted());
            assertFalse(rs.rowUpdated());
            assertTrue(rs.next());
            assertTrue(rs.isLast());
            assertFalse(rs.next());
            assertTrue(rs.isAfterLast());
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertSame(s, rs.getStatement());
            assertThrows(java.sql.SQLFeatureNotSupportedException.class, rs::previous);
            assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> rs.updateInt(1, 3));
        }
    }

    @Test
    void maxRowsLimitsResults() throws SQLException {
        s.setMaxRows(1);
        assertEquals(1, s.getMaxRows());
        assertEquals(1, countWith(s, "SELECT * FROM item"));
        s.setMaxRows(0);
        assertEquals(2, countWith(s, "SELECT * FROM item"));
        assertThrows(SQLException.class, () -> s.setMaxRows(-1));
        s.setQueryTimeout(5);
        assertEquals(5, s.getQueryTimeout());
        assertThrows(SQLException.class, () -> s.setQueryTimeout(-1));
    }

    private static int countWith(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void reExecutingClosesThePreviousResultSet() throws SQLException {
        ResultSet first = s.executeQuery("SELECT id FROM item");
        s.executeQuery("SELECT id FROM item");
        assertTrue(first.isClosed());
        assertEquals("HY010", assertThrows(SQLException.class, first::next).getSQLState());
    }

    @Test
    void statementBatch() throws SQLException {
        s.addBatch("INSERT INTO item (id, name) VALUES (10, 'a')");
        s.addBatch("UPDATE item SET flag = TRUE WHERE id >= 1");
        assertArrayEquals(new int[] {1, 3}, s.executeBatch());
        assertArrayEquals(new int[0], s.executeBatch(), "the batch is cleared after it runs");

        s.addBatch("INSERT INTO item (id, name) VALUES (11, 'b')");
        s.addBatch("INSERT INTO item (id, name) VALUES (11, 'dup')");
        s.addBatch("INSERT INTO item (id, name) VALUES (12, 'c')");
        BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
        assertArrayEquals(new int[] {1}, e.getUpdateCounts());
        assertEquals("23505", e.getSQLState());

        s.addBatch("SELECT * FROM item");
        BatchUpdateException q = assertThrows(BatchUpdateException.class, s::executeBatch);
        assertArrayEquals(new int[0], q.getUpdateCounts());
    }

    @Test
    void preparedStatementBindsEveryCommonType() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?, ?)")) {
            ps.setShort(1, (short) 3);
            ps.setString(2, "fig");
            ps.setBigDecimal(3, new BigDecimal("2.25"));
            ps.setTimestamp(4, Timestamp.valueOf("2023-05-06 07:08:09"));
            ps.setBoolean(5, true);
            assertEquals(1, ps.executeUpdate());
            ps.setObject(1, 4L);
            ps.setObject(2, "kiwi", Types.VARCHAR);
            ps.setNull(3, Types.DECIMAL);
            ps.setObject(4, LocalDateTime.of(2022, 1, 1, 0, 0));
            ps.setObject(5, "false", Types.BOOLEAN);
            assertEquals(1, ps.executeUpdate());
            SQLException range = assertThrows(SQLException.class, () -> ps.setInt(6, 1));
            assertEquals("07009", range.getSQLState());
            assertTrue(range.getMessage().contains("6"));
            ps.clearParameters();
            SQLException unset = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("07001", unset.getSQLState());
        }
        try (PreparedStatement q = c.prepareStatement("SELECT name, made FROM item WHERE id = ?")) {
            q.setInt(1, 4);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("kiwi", rs.getString(1));
                assertEquals(LocalDateTime.of(2022, 1, 1, 0, 0), rs.getObject(2, LocalDateTime.class));
            }
            q.setInt(1, 3);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("fig", rs.getString("NAME"));
            }
            ResultSetMetaData md = q.getMetaData();
            assertEquals(2, md.getColumnCount());
            assertEquals("NAME", md.getColumnLabel(1));
            assertEquals(Types.VARCHAR, md.getColumnType(1));
            assertEquals(Types.TIMESTAMP, md.getColumnType(2));
            ParameterMetaData pmd = q.getParameterMetaData();
            assertEquals(1, pmd.getParameterCount());
            assertEquals(Types.INTEGER, pmd.getParameterType(1));
            assertEquals(ParameterMetaData.parameterModeIn, pmd.getParameterMode(1));
            assertThrows(SQLException.class, () -> q.executeUpdate());
            assertThrows(SQLException.class, () -> q.execute("SELECT 1"));
        }
    }

    @Test
    void preparedBatchReportsCountsSoFar() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
            for (int id : new int[] {20, 21}) {
                ps.setInt(1, id);
                ps.setString(2, "n" + id);
                ps.addBatch();
            }
            assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
            List<Integer> ids = List.of(22, 20, 23);
            for (int id : ids) {
                ps.setInt(1, id);
                ps.setString(2, "n" + id);
                ps.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertArrayEquals(new int[] {1}, e.getUpdateCounts());
        }
    }

    @Test
    void generatedKeys() throws SQLException {
        s.execute("CREATE TABLE auto (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v VARCHAR(5))");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO auto (v) VALUES (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "a");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertEquals(1, keys.getMetaData().getColumnCount());
                assertTrue(keys.next());
                assertEquals(1L, keys.getLong(1));
                assertFalse(keys.next());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO auto (v) VALUES (?)", new String[] {"ID"})) {
            ps.setString(1, "b");
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(2L, keys.getObject("id"));
            }
        }
        s.executeUpdate("INSERT INTO auto (v) VALUES ('c')");
        try (ResultSet none = s.getGeneratedKeys()) {
            assertFalse(none.next());
        }
    }

    @Test
    void uuidAndBinaryRoundTrip() throws SQLException {
        s.execute("CREATE TABLE blobs (id UUID PRIMARY KEY, data VARBINARY(10))");
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO blobs VALUES (?, ?)")) {
            ps.setObject(1, id);
            ps.setBytes(2, new byte[] {1, 2, 3});
            ps.executeUpdate();
        }
        List<Object> seen = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT id, data FROM blobs")) {
            assertTrue(rs.next());
            seen.add(rs.getObject(1));
            assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes(2));
            assertEquals("010203", rs.getString(2));
            assertEquals(Types.OTHER, rs.getMetaData().getColumnType(1));
            assertEquals("UUID", rs.getMetaData().getColumnTypeName(1));
        }
        assertEquals(List.of(id), seen);
    }

    @Test
    void closedStatementAndClosedResultSet() throws SQLException {
        ResultSet rs = s.executeQuery("SELECT id FROM item");
        s.close();
        s.close();
        assertTrue(s.isClosed());
        assertTrue(rs.isClosed());
        assertEquals("HY010", assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1")).getSQLState());
        assertEquals("HY010", assertThrows(SQLException.class, s::getResultSet).getSQLState());
        assertEquals("HY010", assertThrows(SQLException.class, rs::next).getSQLState());
        assertEquals("HY010", assertThrows(SQLException.class, () -> rs.getString(1)).getSQLState());
    }

    @Test
    void closeOnCompletion() throws SQLException {
        Statement st = c.createStatement();
        st.closeOnCompletion();
        ResultSet rs = st.executeQuery("SELECT id FROM item");
        assertFalse(st.isClosed());
        rs.close();
        assertTrue(st.isClosed());
    }

    @Test
    void engineErrorsKeepTheirSqlState() throws SQLException {
        assertEquals("23505", assertThrows(SQLException.class,
                () -> s.executeUpdate("INSERT INTO item (id, name) VALUES (1, 'again')")).getSQLState());
        assertEquals("23502", assertThrows(SQLException.class,
                () -> s.executeUpdate("INSERT INTO item (id) VALUES (9)")).getSQLState());
        assertThrows(java.sql.SQLSyntaxErrorException.class, () -> s.execute("SELEC nonsense"));
    }
}
