package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves every column type round-trips through parameters and literals with the JDBC getObject classes.
class DataTypesTest {
    private static final String ALL_TYPES = "CREATE TABLE all_types ("
            + " id INT PRIMARY KEY,"
            + " c_bool BOOLEAN,"
            + " c_small SMALLINT,"
            + " c_int INTEGER,"
            + " c_bigint BIGINT,"
            + " c_dec DECIMAL(10,2),"
            + " c_num NUMERIC(12,4),"
            + " c_real REAL,"
            + " c_double DOUBLE PRECISION,"
            + " c_float FLOAT,"
            + " c_char CHAR(5),"
            + " c_varchar VARCHAR(40),"
            + " c_text TEXT,"
            + " c_clob CLOB,"
            + " c_binary BINARY(4),"
            + " c_varbinary VARBINARY(16),"
            + " c_blob BLOB,"
            + " c_bytea BYTEA,"
            + " c_date DATE,"
            + " c_time TIME,"
            + " c_ts TIMESTAMP,"
            + " c_tstz TIMESTAMP WITH TIME ZONE,"
            + " c_uuid UUID,"
            + " c_double2 DOUBLE,"
            + " c_int2 INT)";
    private static final int COLUMNS = 25;

    private static final LocalDate DATE = LocalDate.of(2024, 2, 29);
    private static final LocalTime TIME = LocalTime.of(13, 45, 30);
    private static final LocalDateTime TS = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_000_000);
    private static final OffsetDateTime TSTZ = OffsetDateTime.of(2024, 7, 1, 8, 30, 0, 0, ZoneOffset.ofHours(2));
    private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, ALL_TYPES);
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private void insertFullRow() throws SQLException {
        String marks = "?" + ", ?".repeat(COLUMNS - 1);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO all_types VALUES (" + marks + ")")) {
            int i = 1;
            ps.setInt(i++, 1);
            ps.setBoolean(i++, true);
            ps.setShort(i++, (short) -32768);
            ps.setInt(i++, Integer.MAX_VALUE);
            ps.setLong(i++, Long.MIN_VALUE);
            ps.setBigDecimal(i++, new BigDecimal("12345678.5"));
            ps.setBigDecimal(i++, new BigDecimal("-3.1416"));
            ps.setFloat(i++, 1.5f);
            ps.setDouble(i++, Math.PI);
            ps.setDouble(i++, -2.25);
            ps.setString(i++, "abcde");
            ps.setString(i++, "héllo wörld ✓ 日本 'quoted'");
            ps.setString(i++, "x".repeat(10_000));
            ps.setString(i++, "clob text");
            ps.setBytes(i++, new byte[]{1, 2, 3, 4});
            ps.setBytes(i++, new byte[]{(byte) 0xFF, 0, 127, -128});
            ps.setBytes(i++, new byte[]{9, 8, 7});
            ps.setBytes(i++, new byte[0]);
            ps.setDate(i++, Date.valueOf(DATE));
            ps.setTime(i++, Time.valueOf(TIME));
            ps.setTimestamp(i++, Timestamp.valueOf(TS));
            ps.setObject(i++, TSTZ);
            ps.setObject(i++, ID);
            ps.setDouble(i++, 1e300);
            ps.setInt(i++, Integer.MIN_VALUE);
            assertEquals(COLUMNS + 1, i);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private ResultSet selectRow(Statement st, int id) throws SQLException {
        ResultSet rs = st.executeQuery("SELECT * FROM all_types WHERE id = " + id);
        assertTrue(rs.next(), "row " + id + " missing");
        return rs;
    }

    @Test
    void everyTypeRoundTripsWithJdbcClasses() throws SQLException {
        insertFullRow();
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 1)) {
            assertEquals(Boolean.TRUE, rs.getObject("c_bool"));
            assertEquals(-32768, rs.getShort("c_small"));
            // JDBC maps SMALLINT to Integer; Short is tolerated
            Object small = rs.getObject("c_small");
            assertTrue(small instanceof Integer || small instanceof Short, "SMALLINT class " + small.getClass());
            assertEquals(-32768, ((Number) small).intValue());
            assertEquals(Integer.MAX_VALUE, rs.getObject("c_int"));
            assertEquals(Long.MIN_VALUE, rs.getObject("c_bigint"));

            BigDecimal dec = (BigDecimal) rs.getObject("c_dec");
            assertEquals(new BigDecimal("12345678.50"), dec);
            assertEquals(2, dec.scale());
            BigDecimal num = rs.getBigDecimal("c_num");
            assertEquals(new BigDecimal("-3.1416"), num);
            assertEquals(4, num.scale());

            assertEquals(1.5f, rs.getObject("c_real"));
            assertEquals(Math.PI, rs.getObject("c_double"));
            assertEquals(-2.25, rs.getObject("c_float"));
            assertEquals(1e300, rs.getDouble("c_double2"));
            assertEquals(Integer.MIN_VALUE, rs.getInt("c_int2"));

            assertEquals("abcde", rs.getObject("c_char"));
            assertEquals("héllo wörld ✓ 日本 'quoted'", rs.getObject("c_varchar"));
            assertEquals("x".repeat(10_000), rs.getString("c_text"));
            assertEquals("clob text", rs.getString("c_clob"));

            assertArrayEquals(new byte[]{1, 2, 3, 4}, rs.getBytes("c_binary"));
            assertArrayEquals(new byte[]{(byte) 0xFF, 0, 127, -128}, (byte[]) rs.getObject("c_varbinary"));
            assertArrayEquals(new byte[]{9, 8, 7}, rs.getBytes("c_blob"));
            assertArrayEquals(new byte[0], (byte[]) rs.getObject("c_bytea"));

            assertEquals(Date.valueOf(DATE), rs.getObject("c_date"));
            assertEquals(Time.valueOf(TIME), rs.getObject("c_time"));
            assertEquals(Timestamp.valueOf(TS), rs.getObject("c_ts"));
            OffsetDateTime tstz = assertInstanceOf(OffsetDateTime.class, rs.getObject("c_tstz"));
            assertTrue(TSTZ.isEqual(tstz), "same instant expected: " + TSTZ + " vs " + tstz);
            assertEquals(ID, rs.getObject("c_uuid"));
        }
    }

    @Test
    void getObjectWithTargetClass() throws SQLException {
        insertFullRow();
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 1)) {
            assertEquals(DATE, rs.getObject("c_date", LocalDate.class));
            assertEquals(TIME, rs.getObject("c_time", LocalTime.class));
            assertEquals(TS, rs.getObject("c_ts", LocalDateTime.class));
            assertTrue(TSTZ.isEqual(rs.getObject("c_tstz", OffsetDateTime.class)));
            assertEquals(ID, rs.getObject("c_uuid", UUID.class));
            assertEquals(Integer.valueOf(Integer.MAX_VALUE), rs.getObject("c_int", Integer.class));
            assertEquals(Long.valueOf(Long.MIN_VALUE), rs.getObject("c_bigint", Long.class));
            assertEquals(new BigDecimal("12345678.50"), rs.getObject("c_dec", BigDecimal.class));
            assertEquals(Boolean.TRUE, rs.getObject("c_bool", Boolean.class));
            assertEquals("abcde", rs.getObject("c_char", String.class));
            assertEquals(Double.valueOf(Math.PI), rs.getObject("c_double", Double.class));
            assertArrayEquals(new byte[]{9, 8, 7}, rs.getObject("c_blob", byte[].class));
        }
    }

    @Test
    void javaTimeParametersAreAccepted() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO all_types (id, c_date, c_time, c_ts, c_tstz) VALUES (?, ?, ?, ?, ?)")) {
            ps.setInt(1, 2);
            ps.setObject(2, DATE);
            ps.setObject(3, TIME);
            ps.setObject(4, TS);
            ps.setObject(5, TSTZ);
            assertEquals(1, ps.executeUpdate());
        }
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 2)) {
            assertEquals(Date.valueOf(DATE), rs.getDate("c_date"));
            assertEquals(Time.valueOf(TIME), rs.getTime("c_time"));
            assertEquals(Timestamp.valueOf(TS), rs.getTimestamp("c_ts"));
            assertTrue(TSTZ.isEqual(rs.getObject("c_tstz", OffsetDateTime.class)));
        }
    }

    @Test
    void nullRoundTripsForEveryType() throws SQLException {
        int[] types = {Types.INTEGER, Types.BOOLEAN, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL,
                Types.NUMERIC, Types.REAL, Types.DOUBLE, Types.FLOAT, Types.CHAR, Types.VARCHAR, Types.VARCHAR,
                Types.CLOB, Types.BINARY, Types.VARBINARY, Types.BLOB, Types.VARBINARY, Types.DATE, Types.TIME,
                Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.OTHER, Types.DOUBLE, Types.INTEGER};
        assertEquals(COLUMNS, types.length);
        String marks = "?" + ", ?".repeat(COLUMNS - 1);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO all_types VALUES (" + marks + ")")) {
            ps.setInt(1, 3);
            for (int i = 2; i <= COLUMNS; i++) {
                ps.setNull(i, types[i - 1]);
            }
            assertEquals(1, ps.executeUpdate());
        }
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 3)) {
            for (int i = 2; i <= COLUMNS; i++) {
                assertNull(rs.getObject(i), "column " + i);
                assertTrue(rs.wasNull(), "wasNull for column " + i);
            }
            assertEquals(0, rs.getInt("c_int"));
            assertTrue(rs.wasNull());
            assertFalse(rs.getBoolean("c_bool"));
            assertNull(rs.getString("c_varchar"));
            assertNull(rs.getBigDecimal("c_dec"));
            assertNull(rs.getBytes("c_blob"));
        }
    }

    @Test
    void sqlLiteralsOfEveryKindAreStored() throws SQLException {
        exec(conn, "INSERT INTO all_types (id, c_bool, c_small, c_int, c_bigint, c_dec, c_real, c_double, c_varchar,"
                + " c_date, c_time, c_ts, c_uuid) VALUES (4, FALSE, 12, -7, 9000000000, 3.5, 0.25, -1.5e10, 'it''s',"
                + " DATE '2023-12-31', TIME '23:59:58', TIMESTAMP '2023-12-31 23:59:58.5',"
                + " '123e4567-e89b-12d3-a456-426614174000')");
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 4)) {
            assertEquals(Boolean.FALSE, rs.getObject("c_bool"));
            assertEquals(12, rs.getInt("c_small"));
            assertEquals(-7, rs.getObject("c_int"));
            assertEquals(9_000_000_000L, rs.getObject("c_bigint"));
            assertEquals(new BigDecimal("3.50"), rs.getBigDecimal("c_dec"));
            assertEquals(0.25f, rs.getFloat("c_real"));
            assertEquals(-1.5e10, rs.getDouble("c_double"));
            assertEquals("it's", rs.getString("c_varchar"));
            assertEquals(LocalDate.of(2023, 12, 31), rs.getObject("c_date", LocalDate.class));
            assertEquals(LocalTime.of(23, 59, 58), rs.getObject("c_time", LocalTime.class));
            assertEquals(LocalDateTime.of(2023, 12, 31, 23, 59, 58, 500_000_000),
                    rs.getObject("c_ts", LocalDateTime.class));
            assertEquals(ID, rs.getObject("c_uuid"));
        }
    }

    @Test
    void stringLiteralsAreConvertedToTheColumnType() throws SQLException {
        exec(conn, "INSERT INTO all_types (id, c_int, c_date, c_dec) VALUES (5, '42', '2024-01-02', '7.25')");
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 5)) {
            assertEquals(42, rs.getObject("c_int"));
            assertEquals(LocalDate.of(2024, 1, 2), rs.getObject("c_date", LocalDate.class));
            assertEquals(new BigDecimal("7.25"), rs.getBigDecimal("c_dec"));
        }
    }

    @Test
    void numericExtremesRoundTrip() throws SQLException {
        exec(conn, "INSERT INTO all_types (id, c_small, c_int, c_bigint) VALUES (6, 32767, -2147483648, "
                + Long.MAX_VALUE + ")");
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 6)) {
            assertEquals(32767, rs.getInt("c_small"));
            assertEquals(Integer.MIN_VALUE, rs.getInt("c_int"));
            assertEquals(Long.MAX_VALUE, rs.getLong("c_bigint"));
        }
    }

    @Test
    void charColumnComparesIgnoringPadding() throws SQLException {
        exec(conn, "INSERT INTO all_types (id, c_char) VALUES (7, 'ab')");
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 7)) {
            assertEquals("ab", rs.getString("c_char").stripTrailing());
        }
    }

    @Test
    void varcharLengthCountsCharactersNotBytes() throws SQLException {
        exec(conn, "CREATE TABLE short_text (s VARCHAR(5))", "INSERT INTO short_text VALUES ('ééééé')");
        assertEquals("ééééé", scalar(conn, "SELECT s FROM short_text"));
    }

    @Test
    void parameterValuesAreConvertedOnInsert() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO all_types (id, c_bigint, c_dec, c_double) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, 8);
            ps.setInt(2, 5);
            ps.setInt(3, 3);
            ps.setLong(4, 2);
            assertEquals(1, ps.executeUpdate());
        }
        try (Statement st = conn.createStatement(); ResultSet rs = selectRow(st, 8)) {
            assertEquals(5L, rs.getObject("c_bigint"));
            BigDecimal dec = rs.getBigDecimal("c_dec");
            assertEquals(0, new BigDecimal("3").compareTo(dec));
            assertEquals(2, dec.scale());
            assertEquals(2.0, rs.getObject("c_double"));
        }
    }
}
