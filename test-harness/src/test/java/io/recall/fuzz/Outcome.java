package io.recall.fuzz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one engine answered to one query: its rows with values normalised (every number a BigDecimal, -0 as 0,
 * dates and text as text, booleans as booleans), an SQLException, or anything else it threw.
 */
final class Outcome {
    static final int TIMEOUT_SECONDS = 30;

    final List<List<Object>> rows;
    final SQLException error;
    final Throwable crash;

    private Outcome(List<List<Object>> rows, SQLException error, Throwable crash) {
        this.rows = rows;
        this.error = error;
        this.crash = crash;
    }

    static Outcome of(List<List<Object>> rows) {
        return new Outcome(rows, null, null);
    }

    static Outcome run(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(normalise(rs.getObject(i)));
                    }
                    rows.add(Collections.unmodifiableList(row));
                }
                return new Outcome(rows, null, null);
            }
        } catch (SQLException e) {
            return new Outcome(null, e, null);
        } catch (Throwable t) {
            return new Outcome(null, null, t);
        }
    }

    boolean ok() {
        return rows != null;
    }

    String sqlState() {
        return error == null ? null : error.getSQLState();
    }

    boolean unsupported() {
        return "0A000".equals(sqlState());
    }

    /** An internal error (XX000) or a throwable that is not an SQLException: always a bug in Recall. */
    boolean internal() {
        return crash != null || "XX000".equals(sqlState());
    }

    static Object normalise(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : d == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(d);
        }
        if (v instanceof Float f) {
            return normalise(f.doubleValue());
        }
        if (v instanceof BigDecimal b) {
            return b.signum() == 0 ? BigDecimal.ZERO : b;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return v.toString();
    }

    /** A text that orders and groups rows; numbers rounded so that tolerance-equal values mostly sort together. */
    static String sortKey(List<Object> row) {
        StringBuilder sb = new StringBuilder();
        for (Object v : row) {
            if (v == null) {
                sb.append("\u0000null");
            } else if (v instanceof BigDecimal b) {
                sb.append("n").append(b.round(new MathContext(12)).stripTrailingZeros().toPlainString());
            } else {
                sb.append(v.getClass().getSimpleName().charAt(0)).append(v);
            }
            sb.append('\u0001');
        }
        return sb.toString();
    }

    String describe() {
        if (rows != null) {
            return rows.size() + " rows " + Rows.show(rows, 12);
        }
        if (error != null) {
            return "error " + error.getSQLState() + ": " + error.getMessage().lines().findFirst().orElse("");
        }
        return "threw " + crash;
    }
}
