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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.rows;
import static io.recall.harness.Db.scalar;
import static io.recall.harness.Db.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves single-table SELECT: WHERE operators with three-valued NULL logic, expressions, ORDER BY and paging.
class SelectTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(20), age INT, city VARCHAR(20))",
                "INSERT INTO p VALUES (1, 'alice', 30, 'Paris'), (2, 'bob', NULL, 'London'),"
                        + " (3, 'carol', 25, NULL), (4, 'dave', 40, 'Paris'), (5, 'eve', NULL, NULL)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private List<Long> ids(String where) throws SQLException {
        return longs(conn, "SELECT id FROM p WHERE " + where + " ORDER BY id");
    }

    @Test
    void comparisonOperators() throws SQLException {
        assertEquals(List.of(1L), ids("age = 30"));
        assertEquals(List.of(3L, 4L), ids("age <> 30"));
        assertEquals(List.of(3L, 4L), ids("age != 30"));
        assertEquals(List.of(3L), ids("age < 30"));
        assertEquals(List.of(1L, 3L), ids("age <= 30"));
        assertEquals(List.of(4L), ids("age > 30"));
        assertEquals(List.of(1L, 4L), ids("age >= 30"));
        assertEquals(List.of(2L), ids("name = 'bob'"));
        assertEquals(List.of(3L, 4L, 5L), ids("name > 'bob'"));
    }

    @Test
    void comparisonWithNullIsNeverTrue() throws SQLException {
        assertEquals(List.of(), ids("age = NULL"));
        assertEquals(List.of(), ids("age <> NULL"));
        assertEquals(List.of(), ids("NOT (age = NULL)"));
    }

    @Test
    void andOrNotFollowThreeValuedLogic() throws SQLException {
        assertEquals(List.of(1L, 4L), ids("age > 26"));
        assertEquals(List.of(3L), ids("NOT (age > 26)"));
        assertEquals(List.of(1L, 2L, 4L), ids("age > 26 OR city = 'London'"));
        // NULL AND FALSE is FALSE, so its negation is TRUE; NULL AND NULL stays NULL
        assertEquals(List.of(2L, 3L), ids("NOT (age > 26 AND city = 'Paris')"));
        // NULL OR TRUE is TRUE; NULL OR FALSE is NULL
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids("age > 26 OR id > 0"));
        assertEquals(List.of(1L, 4L), ids("age > 26 OR id < 0"));
        assertEquals(List.of(3L), ids("NOT (age > 26 OR id < 0)"));
        assertEquals(List.of(1L, 4L), ids("city = 'Paris' AND NOT name = 'bob'"));
    }

    @Test
    void isNullAndIsNotNull() throws SQLException {
        assertEquals(List.of(2L, 5L), ids("age IS NULL"));
        assertEquals(List.of(1L, 3L, 4L), ids("age IS NOT NULL"));
        assertEquals(List.of(5L), ids("age IS NULL AND city IS NULL"));
        assertEquals(List.of(1L, 2L, 4L), ids("NOT city IS NULL"));
    }

    @Test
    void inAndNotInWithNulls() throws SQLException {
        assertEquals(List.of(3L, 4L), ids("age IN (25, 40)"));
        assertEquals(List.of(1L), ids("age NOT IN (25, 40)"));
        assertEquals(List.of(1L), ids("age IN (30, NULL)"));
        // x NOT IN (25, NULL) is never TRUE
        assertEquals(List.of(), ids("age NOT IN (25, NULL)"));
        assertEquals(List.of(1L, 2L), ids("name IN ('alice', 'bob', 'zed')"));
    }

    @Test
    void betweenIsInclusive() throws SQLException {
        assertEquals(List.of(1L, 3L), ids("age BETWEEN 25 AND 30"));
        assertEquals(List.of(4L), ids("age NOT BETWEEN 25 AND 30"));
        assertEquals(List.of(), ids("age BETWEEN 30 AND 25"));
    }

    @Test
    void likePatterns() throws SQLException {
        assertEquals(List.of(1L), ids("name LIKE 'a%'"));
        assertEquals(List.of(2L, 3L), ids("name LIKE '%o%'"));
        assertEquals(List.of(5L), ids("name LIKE '_ve'"));
        assertEquals(List.of(2L, 5L), ids("name NOT LIKE '%a%'"));
        assertEquals(List.of(), ids("name LIKE 'A%'"));
        assertEquals(List.of(1L), ids("name LIKE 'alice'"));
        assertEquals(List.of(), ids("city LIKE '%' AND city IS NULL"));
    }

    @Test
    void likeWithEscape() throws SQLException {
        exec(conn, "CREATE TABLE pat (id INT PRIMARY KEY, s VARCHAR(20))",
                "INSERT INTO pat VALUES (1, '50% off'), (2, '50 off'), (3, 'a_b'), (4, 'axb'), (5, 'x.y*z')");
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM pat WHERE s LIKE '50!%%' ESCAPE '!' ORDER BY id"));
        assertEquals(List.of(3L), longs(conn, "SELECT id FROM pat WHERE s LIKE 'a#_b' ESCAPE '#' ORDER BY id"));
        assertEquals(List.of(3L, 4L), longs(conn, "SELECT id FROM pat WHERE s LIKE 'a_b' ORDER BY id"));
        assertEquals(List.of(1L, 2L, 4L, 5L),
                longs(conn, "SELECT id FROM pat WHERE s NOT LIKE '%#_%' ESCAPE '#' ORDER BY id"));
        // regex metacharacters are plain characters in LIKE
        assertEquals(List.of(5L), longs(conn, "SELECT id FROM pat WHERE s LIKE 'x.y*z'"));
    }

    @Test
    void whereWithParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM p WHERE age > ? AND city = ? ORDER BY id")) {
            ps.setInt(1, 20);
            ps.setString(2, "Paris");
            List<Long> got = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    got.add(rs.getLong(1));
                }
            }
            assertEquals(List.of(1L, 4L), got);
        }
    }

    @Test
    void selectStarReturnsDeclaredColumnOrder() throws SQLException {
        assertEquals(List.of(List.of(1, "alice", 30, "Paris")), rows(conn, "SELECT * FROM p WHERE id = 1"));
    }

    @Test
    void expressionsAndAliases() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT id * 10 + 1 AS x, name || '!' excl, age - id FROM p WHERE id = 1")) {
            assertEquals("X", rs.getMetaData().getColumnLabel(1));
            assertEquals("EXCL", rs.getMetaData().getColumnLabel(2));
            assertTrue(rs.next());
            assertEquals(11, rs.getInt("x"));
            assertEquals("alice!", rs.getString("EXCL"));
            assertEquals(29, rs.getInt(3));
        }
        assertEquals(Arrays.asList(null, null), rows(conn, "SELECT age + 1 FROM p WHERE age IS NULL").stream()
                .map(r -> r.get(0)).toList());
    }

    @Test
    void arithmeticOperators() throws SQLException {
        assertEquals(7, ((Number) scalar(conn, "SELECT 1 + 2 * 3")).intValue());
        assertEquals(9, ((Number) scalar(conn, "SELECT (1 + 2) * 3")).intValue());
        assertEquals(-4, ((Number) scalar(conn, "SELECT 1 - 5")).intValue());
        // integer division truncates
        assertEquals(3, ((Number) scalar(conn, "SELECT 7 / 2")).intValue());
        assertEquals(1, ((Number) scalar(conn, "SELECT 7 % 3")).intValue());
        assertEquals(-5, ((Number) scalar(conn, "SELECT -(2 + 3)")).intValue());
        assertEquals(0, new BigDecimal("3.75").compareTo(new BigDecimal(scalar(conn, "SELECT 1.25 * 3").toString())));
        assertEquals(2.5, ((Number) scalar(conn, "SELECT CAST(5 AS DOUBLE) / 2")).doubleValue());
        assertNull(scalar(conn, "SELECT 1 + NULL"));
    }

    @Test
    void stringFunctions() throws SQLException {
        assertEquals("ab", scalar(conn, "SELECT 'a' || 'b'"));
        assertNull(scalar(conn, "SELECT 'a' || NULL"));
        assertEquals("HELLO", scalar(conn, "SELECT UPPER('hello')"));
        assertEquals("hello", scalar(conn, "SELECT LOWER('HeLLo')"));
        assertEquals(5, ((Number) scalar(conn, "SELECT LENGTH('héllo')")).intValue());
        assertEquals("ell", scalar(conn, "SELECT SUBSTRING('hello', 2, 3)"));
        assertEquals("llo", scalar(conn, "SELECT SUBSTRING('hello', 3)"));
        assertEquals("x y", scalar(conn, "SELECT TRIM('  x y  ')"));
        assertEquals("x y", scalar(conn, "SELECT TRIM(BOTH FROM '  x y  ')"));
        assertEquals("  x y", scalar(conn, "SELECT TRIM(TRAILING FROM '  x y  ')"));
        assertEquals("x y", scalar(conn, "SELECT TRIM(LEADING 'z' FROM 'zzx y')"));
        assertEquals(List.of("ALICE"), strings(conn, "SELECT UPPER(name) FROM p WHERE id = 1"));
        assertEquals(List.of(1L), ids("LENGTH(name) = 5 AND UPPER(name) = 'ALICE'"));
    }

    @Test
    void numericFunctions() throws SQLException {
        assertEquals(5, ((Number) scalar(conn, "SELECT ABS(-5)")).intValue());
        Object rounded = scalar(conn, "SELECT ROUND(2.567, 2)");
        assertEquals(0, new BigDecimal("2.57").compareTo(new BigDecimal(rounded.toString())), "ROUND = " + rounded);
        assertEquals(3, ((Number) scalar(conn, "SELECT ROUND(2.5)")).intValue());
        assertEquals(1, ((Number) scalar(conn, "SELECT MOD(10, 3)")).intValue());
        assertEquals(List.of(2L, 4L), ids("MOD(id, 2) = 0"));
    }

    @Test
    void castCoalesceAndCase() throws SQLException {
        assertEquals(42, ((Number) scalar(conn, "SELECT CAST('42' AS INTEGER)")).intValue());
        assertEquals("42", scalar(conn, "SELECT CAST(42 AS VARCHAR(10))"));
        assertEquals(Date.valueOf(LocalDate.of(2024, 1, 2)), scalar(conn, "SELECT CAST('2024-01-02' AS DATE)"));
        assertEquals(2, ((Number) scalar(conn, "SELECT COALESCE(NULL, 2, 3)")).intValue());
        assertEquals(List.of(30L, -1L, 25L, 40L, -1L), longs(conn, "SELECT COALESCE(age, -1) FROM p ORDER BY id"));
        assertEquals(List.of("old", "unknown", "young", "old", "unknown"), strings(conn,
                "SELECT CASE WHEN age IS NULL THEN 'unknown' WHEN age > 26 THEN 'old' ELSE 'young' END FROM p"
                        + " ORDER BY id"));
        assertEquals(List.of("one", "two", "many", "many", "many"), strings(conn,
                "SELECT CASE id WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END FROM p ORDER BY id"));
        assertNull(scalar(conn, "SELECT CASE WHEN 1 = 2 THEN 'x' END"));
    }

    @Test
    void currentTimeFunctions() throws SQLException {
        assertNotNull(scalar(conn, "SELECT NOW()"));
        assertNotNull(scalar(conn, "SELECT CURRENT_TIMESTAMP"));
    }

    @Test
    void selectWithoutFrom() throws SQLException {
        assertEquals(1, ((Number) scalar(conn, "SELECT 1")).intValue());
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 AS one, 'two' AS two")) {
            assertEquals("ONE", rs.getMetaData().getColumnLabel(1));
            assertTrue(rs.next());
            assertEquals(1, rs.getInt("one"));
            assertEquals("two", rs.getString("two"));
            assertTrue(!rs.next());
        }
    }

    @Test
    void orderByKeysDirectionsAndNulls() throws SQLException {
        assertEquals(List.of(4L, 1L, 3L), longs(conn, "SELECT id FROM p WHERE age IS NOT NULL ORDER BY age DESC"));
        assertEquals(List.of(2L, 5L, 3L, 1L, 4L), longs(conn, "SELECT id FROM p ORDER BY age ASC NULLS FIRST, id"));
        assertEquals(List.of(3L, 1L, 4L, 5L, 2L),
                longs(conn, "SELECT id FROM p ORDER BY age NULLS LAST, id DESC"));
        assertEquals(List.of(4L, 1L, 3L, 5L, 2L),
                longs(conn, "SELECT id FROM p ORDER BY age DESC NULLS LAST, id DESC"));
        // city ASC NULLS LAST, then age DESC NULLS FIRST
        assertEquals(List.of(2L, 4L, 1L, 5L, 3L),
                longs(conn, "SELECT id FROM p ORDER BY city NULLS LAST, age DESC NULLS FIRST"));
    }

    @Test
    void orderByAliasAndPosition() throws SQLException {
        assertEquals(List.of("eve", "dave", "carol", "bob", "alice"),
                strings(conn, "SELECT name AS n FROM p ORDER BY n DESC"));
        assertEquals(List.of("eve", "dave", "carol", "bob", "alice"),
                strings(conn, "SELECT name, id FROM p ORDER BY 2 DESC"));
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), longs(conn, "SELECT id, -id AS neg FROM p ORDER BY neg"));
    }

    @Test
    void limitOffsetAndFetchFirst() throws SQLException {
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM p ORDER BY id LIMIT 2"));
        assertEquals(List.of(2L, 3L), longs(conn, "SELECT id FROM p ORDER BY id LIMIT 2 OFFSET 1"));
        assertEquals(List.of(4L, 5L), longs(conn, "SELECT id FROM p ORDER BY id LIMIT 10 OFFSET 3"));
        assertEquals(List.of(), longs(conn, "SELECT id FROM p ORDER BY id LIMIT 2 OFFSET 10"));
        assertEquals(List.of(), longs(conn, "SELECT id FROM p ORDER BY id LIMIT 0"));
        assertEquals(List.of(3L, 4L),
                longs(conn, "SELECT id FROM p ORDER BY id OFFSET 2 ROWS FETCH FIRST 2 ROWS ONLY"));
        assertEquals(List.of(5L, 4L), longs(conn, "SELECT id FROM p ORDER BY id DESC FETCH FIRST 2 ROWS ONLY"));
        assertEquals(3, longs(conn, "SELECT id FROM p LIMIT 3").size());
    }

    @Test
    void limitWithParameters() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM p ORDER BY id LIMIT ? OFFSET ?")) {
            ps.setInt(1, 2);
            ps.setInt(2, 2);
            List<Long> got = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    got.add(rs.getLong(1));
                }
            }
            assertEquals(List.of(3L, 4L), got);
        }
    }

    @Test
    void maxRowsCapsTheResult() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.setMaxRows(2);
            int n = 0;
            try (ResultSet rs = st.executeQuery("SELECT id FROM p ORDER BY id")) {
                while (rs.next()) {
                    n++;
                }
            }
            assertEquals(2, n);
        }
    }

    @Test
    void wherePrimaryKeyPointLookup() throws SQLException {
        assertEquals(List.of("carol"), strings(conn, "SELECT name FROM p WHERE id = 3"));
        assertEquals(List.of(), strings(conn, "SELECT name FROM p WHERE id = 99"));
        assertEquals(List.of("carol"), strings(conn, "SELECT name FROM p WHERE 3 = id"));
    }
}
