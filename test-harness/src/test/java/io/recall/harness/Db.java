package io.recall.harness;

import org.junit.jupiter.api.function.Executable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Shared plain-JDBC helpers for the harness tests: unique database URLs, statement shortcuts, SQLState checks.
final class Db {
    static final String PREFIX = "jdbc:recall:mem:";

    private Db() {
    }

    /** A URL naming a database no other test uses. */
    static String newUrl() {
        return PREFIX + "t" + UUID.randomUUID().toString().replace("-", "");
    }

    static Connection open(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Runs each statement in its own JDBC Statement. */
    static void exec(Connection conn, String... sqls) throws SQLException {
        for (String sql : sqls) {
            try (Statement st = conn.createStatement()) {
                st.execute(sql);
            }
        }
    }

    static int update(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    /** All rows of a query, each row as a list of getObject values. */
    static List<List<Object>> rows(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return readAll(rs);
        }
    }

    static List<List<Object>> readAll(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<List<Object>> out = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(rs.getObject(i));
            }
            out.add(row);
        }
        return out;
    }

    /** The first column of every row, as longs (NULL becomes null). */
    static List<Long> longs(Connection conn, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long v = rs.getLong(1);
                out.add(rs.wasNull() ? null : v);
            }
        }
        return out;
    }

    /** The first column of every row, as strings. */
    static List<String> strings(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The query's EXPLAIN, its lines joined by newlines. */
    static String plan(Connection conn, String query) throws SQLException {
        return String.join("\n", strings(conn, "EXPLAIN " + query));
    }

    /** Asserts the query's EXPLAIN contains each part. */
    static void assertPlanHas(Connection conn, String query, String... parts) throws SQLException {
        String plan = plan(conn, query);
        for (String part : parts) {
            assertTrue(plan.contains(part), () -> "plan of " + query + " lacks '" + part + "':\n" + plan);
        }
    }

    /** The single value of a one-row, one-column query. */
    static Object scalar(Connection conn, String sql) throws SQLException {
        List<List<Object>> rows = rows(conn, sql);
        assertEquals(1, rows.size(), () -> "rows of " + sql + ": " + rows);
        assertEquals(1, rows.get(0).size(), () -> "columns of " + sql + ": " + rows);
        return rows.get(0).get(0);
    }

    /** Number of rows a query returns (aggregates are not supported, so rows are counted here). */
    static int count(Connection conn, String sql) throws SQLException {
        return rows(conn, sql).size();
    }

    static List<Long> ids(Long... ids) {
        return Arrays.asList(ids);
    }

    /** Asserts every non-NULL value of the query is of the Java class its column's metadata names. */
    static void assertValuesHaveColumnClasses(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    if (v != null) {
                        String where = "value " + v + " of " + md.getColumnTypeName(i) + " of " + sql;
                        assertEquals(md.getColumnClassName(i), v.getClass().getName(), where);
                    }
                }
            }
        }
    }

    /** Asserts the call fails with an SQLException carrying the given SQLState, and returns it. */
    static SQLException assertSqlState(String sqlState, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(sqlState, e.getSQLState(), () -> "wrong SQLState; message: " + e.getMessage());
        return e;
    }

    /** Asserts executing the SQL fails with the given SQLState. */
    static SQLException assertFails(Connection conn, String sqlState, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> exec(conn, sql), () -> "expected failure of " + sql);
        assertEquals(sqlState, e.getSQLState(), () -> "wrong SQLState for " + sql + "; message: " + e.getMessage());
        return e;
    }
}
