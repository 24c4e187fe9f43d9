package io.recall.driver;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueConversionTest {
    @Test
    void textFollowsH2Conventions() {
        assertEquals("1000", JdbcValues.text(new BigDecimal("1E+3")));
        assertEquals("TRUE", JdbcValues.text(true));
        assertEquals("0aff", JdbcValues.text(new byte[] {0x0a, (byte) 0xff}));
        assertEquals("2024-01-02 03:04:05", JdbcValues.text(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
        assertEquals("2024-01-02 03:04:05.12", JdbcValues.text(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000)));
        assertEquals("10:00:00.000000001", JdbcValues.text(LocalTime.of(10, 0, 0, 1)));
        assertEquals("2024-01-02 03:04:05+02:00",
                JdbcValues.text(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))));
    }

    @Test
    void integralConversionsCheckRange() throws SQLException {
        assertEquals(7, JdbcValues.integral(7L, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        assertEquals(3, JdbcValues.integral(new BigDecimal("2.5"), Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        assertEquals(-12, JdbcValues.integral(" -12 ", Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        assertEquals(1, JdbcValues.integral(true, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        SQLException range = assertThrows(SQLDataException.class,
                () -> JdbcValues.integral(300, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertEquals("22003", range.getSQLState());
        assertEquals("22003", assertThrows(SQLException.class,
                () -> JdbcValues.integral(Double.NaN, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT")).getSQLState());
        SQLException parse = assertThrows(SQLDataException.class,
                () -> JdbcValues.integral("twelve", Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        assertEquals("22018", parse.getSQLState());
        assertTrue(parse.getMessage().contains("twelve"), parse.getMessage());
    }

    @Test
    void booleansFromNumbersAndText() throws SQLException {
        assertTrue(JdbcValues.bool(1));
        assertTrue(JdbcValues.bool(2));
        assertFalse(JdbcValues.bool(0));
        assertFalse(JdbcValues.bool(new BigDecimal("0.0")));
        assertTrue(JdbcValues.bool("TRUE"));
        assertFalse(JdbcValues.bool("f"));
        assertEquals("22018", assertThrows(SQLException.class, () -> JdbcValues.bool("perhaps")).getSQLState());
    }

    @Test
    void floatingAndDecimal() throws SQLException {
        assertEquals(1.5, JdbcValues.floating("1.5", false));
        assertEquals("22003", assertThrows(SQLException.class, () -> JdbcValues.floating(1e300, true)).getSQLState());
        assertEquals(new BigDecimal("0.1"), JdbcValues.decimal(0.1f));
        assertEquals(new BigDecimal("42"), JdbcValues.decimal(42));
        assertEquals("22018", assertThrows(SQLException.class, () -> JdbcValues.decimal("x")).getSQLState());
    }

    @Test
    void standardObjectsUseJavaSqlTypes() {
        assertEquals(java.sql.Date.valueOf("2024-03-04"), JdbcValues.standard(LocalDate.of(2024, 3, 4)));
        assertEquals(Timestamp.valueOf("2024-03-04 05:06:07.5"),
                JdbcValues.standard(LocalDateTime.of(2024, 3, 4, 5, 6, 7, 500_000_000)));
        Time t = (Time) JdbcValues.standard(LocalTime.of(1, 2, 3, 4_000_000));
        assertEquals(LocalTime.of(1, 2, 3, 4_000_000), ParameterValues.localTime(t));
        UUID u = UUID.randomUUID();
        assertEquals(u, JdbcValues.standard(u));
    }

    @Test
    void getObjectWithClass() throws SQLException {
        LocalDateTime ldt = LocalDateTime.of(2024, 5, 6, 7, 8, 9);
        assertEquals(LocalDate.of(2024, 5, 6), JdbcValues.as(ldt, LocalDate.class));
        assertEquals(ldt, JdbcValues.as("2024-05-06 07:08:09", LocalDateTime.class));
        assertEquals(Integer.valueOf(5), JdbcValues.as(5L, Integer.class));
        assertEquals(BigInteger.TEN, JdbcValues.as(new BigDecimal("10"), BigInteger.class));
        OffsetDateTime odt = OffsetDateTime.of(ldt, ZoneOffset.UTC);
        assertEquals(odt.toInstant(), JdbcValues.as(odt, Instant.class));
        UUID u = UUID.randomUUID();
        assertEquals(u, JdbcValues.as(u.toString(), UUID.class));
        assertEquals(u, JdbcValues.as(JdbcValues.bytes(u), UUID.class));
        assertEquals("22018", assertThrows(SQLException.class, () -> JdbcValues.as(5, LocalDate.class)).getSQLState());
    }

    @Test
    void parametersBecomeCanonical() throws SQLException {
        assertEquals(3, ParameterValues.canonical((short) 3));
        assertEquals(4, ParameterValues.canonical((byte) 4));
        assertEquals(new BigDecimal("12"), ParameterValues.canonical(BigInteger.valueOf(12)));
        assertEquals("c", ParameterValues.canonical('c'));
        assertEquals(LocalDate.of(2020, 2, 29), ParameterValues.canonical(java.sql.Date.valueOf("2020-02-29")));
        assertEquals(LocalDateTime.of(2020, 2, 29, 1, 2, 3, 456),
                ParameterValues.canonical(Timestamp.valueOf(LocalDateTime.of(2020, 2, 29, 1, 2, 3, 456))));
        assertEquals(OffsetDateTime.of(1970, 1, 1, 0, 0, 1, 0, ZoneOffset.UTC),
                ParameterValues.canonical(Instant.ofEpochSecond(1)));
        assertEquals("text", ParameterValues.canonical(new StringReader("text")));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) ParameterValues.canonical(new ByteArrayInputStream(
                new byte[] {1, 2})));
        SQLException e = assertThrows(SQLException.class, () -> ParameterValues.canonical(new StringBuilder("x")));
        assertEquals("22018", e.getSQLState());
        assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
    }

    @Test
    void targetSqlTypeConvertsTheValue() throws SQLException {
        assertEquals(42, ParameterValues.canonical("42", Types.INTEGER));
        assertEquals("42", ParameterValues.canonical(42, Types.VARCHAR));
        assertEquals(LocalDate.of(2021, 1, 2), ParameterValues.canonical(
                Timestamp.valueOf("2021-01-02 10:00:00"), Types.DATE));
        assertEquals(true, ParameterValues.canonical(1, Types.BOOLEAN));
        assertEquals(7L, ParameterValues.canonical(7L, Types.OTHER));
    }

    @Test
    void namePatterns() {
        assertTrue(new NamePattern(null).matches("ANY"));
        assertTrue(new NamePattern("%").matches("T"));
        assertTrue(new NamePattern("T_B%").matches("TAB_LE"));
        assertFalse(new NamePattern("T_B").matches("TAB_LE"));
        assertTrue(new NamePattern("MY\\_T").matches("MY_T"));
        assertFalse(new NamePattern("MY\\_T").matches("MYXT"));
        assertFalse(new NamePattern("A").matches(null));
    }
}
