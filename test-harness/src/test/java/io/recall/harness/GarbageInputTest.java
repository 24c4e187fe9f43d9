package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.recall.harness.Db.exec;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

// Proves malformed SQL and JDBC misuse only ever surface as SQLException, never a RuntimeException or Error.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GarbageInputTest {
    private static final long SEED = 0x5EED_2024L;
    private static final String[] VALID = {
        "CREATE TABLE g2 (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL DEFAULT 'x', ts TIMESTAMP)",
        "INSERT INTO g (id, s, n) VALUES (100, 'it''s', 3.5), (101, NULL, -1)",
        "SELECT id, UPPER(s) AS u FROM g WHERE n BETWEEN 1 AND 5 AND s LIKE 'a%' ORDER BY id DESC NULLS LAST LIMIT 3",
        "UPDATE g SET n = n * 2, s = COALESCE(s, 'none') WHERE id IN (1, 2, 3) OR NOT (n > 7)",
        "DELETE FROM g WHERE CASE WHEN n IS NULL THEN TRUE ELSE n < 0 END",
        "SELECT CAST(n AS VARCHAR(20)) || '-' || SUBSTRING(s, 1, 2) FROM g OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY",
    };
    private static final String[] TOKENS = {
        "SELECT", "FROM", "WHERE", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "CREATE", "TABLE", "DROP",
        "ORDER", "BY", "LIMIT", "OFFSET", "AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "BETWEEN", "CASE", "WHEN",
        "THEN", "END", "CAST", "AS", "INT", "VARCHAR", "(", ")", ",", ";", "*", "+", "-", "/", "%", "=", "<>", "<",
        ">", "||", "?", "'", "\"", "g", "id", "s", "n", "1", "0", "-1", "1e309", "'x'", "''", "PRIMARY", "KEY",
        "JOIN", "GROUP", "UNION", "WITH", "COMMIT", "ROLLBACK", "BEGIN", ".", "::", "$1", "@", "#", "\\", "`",
    };

    private Connection conn;
    private final Random rnd = new Random(SEED);

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE g (id INT PRIMARY KEY, s VARCHAR(20), n DECIMAL(6,2))",
                "INSERT INTO g VALUES (1, 'a', 1), (2, 'b', 2), (3, NULL, NULL)");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    interface JdbcCall {
        void run() throws Exception;
    }

    /** Runs the call; success or an SQLException with an SQLState is fine, anything else fails with the seed. */
    private static void onlySqlException(String what, JdbcCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            assertNotNull(e.getSQLState(), () -> "SQLException without SQLState for " + what + " (seed " + SEED
                    + "): " + e);
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            fail("non-SQLException " + t.getClass().getName() + " for " + what + " (seed " + SEED + ")\n" + trace);
        }
    }

    private static String shown(String sql) {
        String s = sql.length() > 200 ? sql.substring(0, 200) + "...(" + sql.length() + " chars)" : sql;
        return "[" + s.replace("\n", "\\n") + "]";
    }

    private void execGarbage(String sql) {
        onlySqlException("execute " + shown(sql), () -> {
            try (Statement st = conn.createStatement()) {
                st.execute(sql);
            }
        });
        onlySqlException("prepare " + shown(sql), () -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.execute();
            }
        });
    }

    private void assertStillUsable() throws SQLException {
        if (!conn.getAutoCommit()) {
            conn.rollback();
            conn.setAutoCommit(true);
        }
        assertEquals(1, ((Number) Db.scalar(conn, "SELECT 1")).intValue(), "connection unusable (seed " + SEED + ")");
    }

    @Test
    void randomCharacterStrings() throws SQLException {
        for (int i = 0; i < 300; i++) {
            int len = rnd.nextInt(80);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < len; j++) {
                sb.append((char) rnd.nextInt(i % 2 == 0 ? 128 : 0x10000));
            }
            execGarbage(sb.toString());
        }
        assertStillUsable();
    }

    @Test
    void randomBytesAsLatin1() throws SQLException {
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[rnd.nextInt(120)];
            rnd.nextBytes(b);
            execGarbage(new String(b, StandardCharsets.ISO_8859_1));
        }
        assertStillUsable();
    }

    @Test
    void randomTokenSoup() throws SQLException {
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(25);
            for (int j = 0; j < n; j++) {
                sb.append(TOKENS[rnd.nextInt(TOKENS.length)]).append(rnd.nextBoolean() ? " " : "");
            }
            execGarbage(sb.toString());
        }
        assertStillUsable();
    }

    @Test
    void everyPrefixOfValidStatements() throws SQLException {
        for (String sql : VALID) {
            for (int cut = 0; cut < sql.length(); cut++) {
                execGarbage(sql.substring(0, cut));
            }
        }
        assertStillUsable();
    }

    @Test
    void randomMutationsOfValidStatements() throws SQLException {
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder(VALID[rnd.nextInt(VALID.length)]);
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int at = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, TOKENS[rnd.nextInt(TOKENS.length)]);
                    default -> sb.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                }
            }
            execGarbage(sb.toString());
        }
        assertStillUsable();
    }

    @Test
    void deeplyNestedParentheses() throws SQLException {
        int depth = 10_000;
        List<String> inputs = new ArrayList<>();
        inputs.add("SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth));
        inputs.add("SELECT " + "(".repeat(depth) + "1");
        inputs.add("SELECT id FROM g WHERE " + "(".repeat(depth) + "id = 1" + ")".repeat(depth));
        inputs.add("SELECT id FROM g WHERE " + "NOT ".repeat(depth) + "id = 1");
        inputs.add("SELECT " + "- ".repeat(depth) + "1");
        inputs.add("SELECT 1" + " + 1".repeat(depth));
        inputs.add("SELECT " + "ABS(".repeat(depth) + "1" + ")".repeat(depth));
        inputs.add("SELECT " + "CASE WHEN TRUE THEN ".repeat(depth) + "1" + " END".repeat(depth));
        for (String sql : inputs) {
            onlySqlException("execute " + shown(sql), () -> {
                try (Statement st = conn.createStatement()) {
                    st.execute(sql);
                }
            });
        }
        assertStillUsable();
    }

    @Test
    void veryLongIdentifiersAndLiterals() throws SQLException {
        String longName = "t" + "x".repeat(100_000);
        execGarbage("CREATE TABLE " + longName + " (id INT)");
        execGarbage("SELECT * FROM " + longName);
        execGarbage("SELECT " + longName + " FROM g");
        execGarbage("CREATE TABLE \"" + "Q".repeat(100_000) + "\" (id INT)");
        execGarbage("SELECT '" + "s".repeat(1_000_000) + "'");
        execGarbage("SELECT " + "9".repeat(10_000));
        execGarbage("SELECT 1e999999999");
        execGarbage("INSERT INTO g (id, s) VALUES (50, '" + "y".repeat(100_000) + "')");
        assertStillUsable();
    }

    @Test
    void wrongParameterCountsAndIndexes() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM g WHERE id = ? AND s = ?")) {
            ps.setInt(1, 1);
            assertThrows(SQLException.class, ps::executeQuery, "executed with an unset parameter");
            assertThrows(SQLException.class, () -> ps.setInt(3, 1));
            assertThrows(SQLException.class, () -> ps.setInt(0, 1));
            assertThrows(SQLException.class, () -> ps.setString(-1, "x"));
        }
        onlySqlException("too many values", () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO g VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= 4; i++) {
                    ps.setInt(i, i);
                }
                ps.executeUpdate();
            }
        });
        onlySqlException("too few values", () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO g (id, s) VALUES (?)")) {
                ps.setInt(1, 9);
                ps.executeUpdate();
            }
        });
        assertThrows(SQLException.class, () -> {
            try (Statement st = conn.createStatement()) {
                st.executeQuery("SELECT id FROM g WHERE id = ?");
            }
        }, "a plain Statement has no way to bind a parameter");
        onlySqlException("parameter as table name", () -> conn.prepareStatement("SELECT * FROM ?").executeQuery());
        onlySqlException("parameter in ORDER BY", () -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM g ORDER BY ?")) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
            }
        });
        assertStillUsable();
    }

    @Test
    void unsupportedParameterClassesAndWrongSetterTypes() throws SQLException {
        List<Object> odd = List.of(new Object(), Thread.currentThread(), new StringBuilder("sb"), new int[]{1},
                List.of(1, 2), new Random(1), Optional.empty());
        for (Object value : odd) {
            onlySqlException("setObject(" + value.getClass().getName() + ")", () -> {
                try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM g WHERE id = ?")) {
                    ps.setObject(1, value);
                    ps.executeQuery().close();
                }
            });
        }
        assertThrows(SQLException.class, () -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO g (id) VALUES (?)")) {
                ps.setObject(1, new Object());
                ps.executeUpdate();
            }
        }, "a plain Object cannot be an INTEGER");
        String[] sqls = {"INSERT INTO g (id, s, n) VALUES (?, ?, ?)", "UPDATE g SET n = ? WHERE id = ? AND s = ?"};
        for (String sql : sqls) {
            onlySqlException("string into number " + sql, () -> run3(sql, ps -> {
                ps.setString(1, "abc");
                ps.setBytes(2, new byte[]{1});
                ps.setDate(3, Date.valueOf("2024-01-01"));
            }));
            onlySqlException("boolean/date mix " + sql, () -> run3(sql, ps -> {
                ps.setBoolean(1, true);
                ps.setBigDecimal(2, new BigDecimal("1e400"));
                ps.setDouble(3, Double.NaN);
            }));
            onlySqlException("odd setObject types " + sql, () -> run3(sql, ps -> {
                ps.setObject(1, "1", Types.STRUCT);
                ps.setObject(2, 1, Types.ARRAY);
                ps.setObject(3, 1.5, Types.JAVA_OBJECT);
            }));
            onlySqlException("infinity " + sql, () -> run3(sql, ps -> {
                ps.setDouble(1, Double.POSITIVE_INFINITY);
                ps.setFloat(2, Float.NaN);
                ps.setLong(3, Long.MIN_VALUE);
            }));
        }
        assertStillUsable();
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void run3(String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        }
    }

    @Test
    void wrongGetterTypesAndColumnIndexes() throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, s, n FROM g ORDER BY id")) {
            assertThrows(SQLException.class, () -> rs.getString(1), "read before next()");
            assertTrue(rs.next());
            assertThrows(SQLException.class, () -> rs.getString(0));
            assertThrows(SQLException.class, () -> rs.getString(4));
            assertThrows(SQLException.class, () -> rs.getInt("nope"));
            assertThrows(SQLException.class, () -> rs.getInt("s"), "'a' is not an int");
            onlySqlException("getDate of int", () -> rs.getDate(1));
            onlySqlException("getBytes of varchar", () -> rs.getBytes(2));
            onlySqlException("getObject(i, Thread.class)", () -> rs.getObject(1, Thread.class));
            onlySqlException("getObject(i, null)", () -> rs.getObject(1, (Class<?>) null));
            while (rs.next()) {
                assertEquals(rs.getInt(1), rs.getInt("ID"));
            }
            assertThrows(SQLException.class, () -> rs.getString(1), "read after last row");
        }
    }

    @Test
    void nullAndEmptySql() throws SQLException {
        try (Statement st = conn.createStatement()) {
            assertThrows(SQLException.class, () -> st.execute(null));
            assertThrows(SQLException.class, () -> st.executeQuery(null));
            onlySqlException("empty", () -> st.execute(""));
            onlySqlException("blank", () -> st.execute("   \n\t "));
            onlySqlException("semicolon", () -> st.execute(";"));
            onlySqlException("comment", () -> st.execute("-- nothing here"));
            onlySqlException("block comment", () -> st.execute("/* unterminated"));
            onlySqlException("two statements", () -> st.execute("SELECT 1; SELECT 2"));
        }
        assertThrows(SQLException.class, () -> conn.prepareStatement(null));
        assertStillUsable();
    }

    @Test
    void wrongExecuteMethodForStatementKind() throws SQLException {
        try (Statement st = conn.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeQuery("UPDATE g SET s = 'q' WHERE id = 1"));
            assertThrows(SQLException.class, () -> st.executeUpdate("SELECT id FROM g"));
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM g")) {
            assertThrows(SQLException.class, ps::executeUpdate);
            assertThrows(SQLException.class, () -> ps.executeQuery("SELECT 1"),
                    "PreparedStatement.executeQuery(String)");
        }
        assertStillUsable();
    }

    @Test
    void callsOnClosedObjects() throws SQLException {
        Connection c = Db.open(Db.newUrl());
        Statement st = c.createStatement();
        PreparedStatement ps = c.prepareStatement("SELECT 1");
        ResultSet rs = st.executeQuery("SELECT 1");
        rs.close();
        assertTrue(rs.isClosed());
        assertThrows(SQLException.class, rs::next);
        assertThrows(SQLException.class, () -> rs.getInt(1));
        assertDoesNotThrow(rs::close, "closing twice is a no-op");

        ResultSet open = st.executeQuery("SELECT 2");
        st.close();
        assertTrue(st.isClosed());
        assertTrue(open.isClosed(), "closing a statement closes its result set");
        assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1"));
        assertThrows(SQLException.class, () -> st.execute("SELECT 1"));
        assertThrows(SQLException.class, st::getResultSet);
        assertDoesNotThrow(st::close);

        c.close();
        assertTrue(c.isClosed());
        assertFalse(c.isValid(1));
        assertTrue(ps.isClosed(), "closing a connection closes its statements");
        assertThrows(SQLException.class, ps::executeQuery);
        assertThrows(SQLException.class, c::createStatement);
        assertThrows(SQLException.class, () -> c.prepareStatement("SELECT 1"));
        assertThrows(SQLException.class, () -> c.setAutoCommit(false));
        assertThrows(SQLException.class, c::commit);
        assertThrows(SQLException.class, c::rollback);
        assertThrows(SQLException.class, c::getMetaData);
        assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
        assertDoesNotThrow(c::close);
        // a statement re-execution closes the previous result set
        try (Statement again = conn.createStatement()) {
            ResultSet first = again.executeQuery("SELECT 1");
            ResultSet second = again.executeQuery("SELECT 2");
            assertTrue(first.isClosed());
            assertTrue(second.next());
            assertThrows(SQLException.class, first::next);
        }
    }
}
