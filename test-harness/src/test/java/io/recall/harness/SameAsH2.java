package io.recall.harness;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Recall database and an H2 in-memory database side by side: statements run on both, and a query's rows
 * from Recall must equal H2's. Values are compared by meaning, not Java class: every number becomes its
 * plain decimal text without trailing zeros (2.50 = 2.5 = 2.5d), booleans stay booleans, anything else
 * becomes its text. Rows are compared in order when the query has a top-level ORDER BY, otherwise sorted.
 */
final class SameAsH2 implements AutoCloseable {
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b");
    private static final Comparator<List<Object>> ROW_ORDER = Comparator.comparing(List::toString);

    final Connection recall;
    final Connection h2;

    private SameAsH2(Connection recall, Connection h2) {
        this.recall = recall;
        this.h2 = h2;
    }

    static SameAsH2 open() throws SQLException {
        Connection r = Db.open(Db.newUrl());
        String h2Name = "h" + UUID.randomUUID().toString().replace("-", "");
        return new SameAsH2(r, DriverManager.getConnection("jdbc:h2:mem:" + h2Name));
    }

    /** Runs each statement on both databases. */
    void both(String... sqls) throws SQLException {
        Db.exec(recall, sqls);
        Db.exec(h2, sqls);
    }

    /** Asserts Recall returns H2's rows for the query, and returns them (normalised). */
    List<List<Object>> check(String sql) throws SQLException {
        List<List<Object>> expected = arrange(sql, normalise(Db.rows(h2, sql)));
        List<List<Object>> actual = arrange(sql, normalise(Db.rows(recall, sql)));
        assertEquals(expected, actual, () -> "Recall differs from H2 for: " + sql);
        return actual;
    }

    /** Asserts Recall returns the expected rows, and that H2 agrees. */
    void check(String sql, List<List<Object>> expectedRows) throws SQLException {
        List<List<Object>> rows = check(sql);
        assertEquals(arrange(sql, normalise(expectedRows)), rows, () -> "rows of: " + sql);
    }

    /** Asserts Recall alone returns the expected rows (for SQL H2 does not run, or answers differently). */
    void checkRecall(String sql, List<List<Object>> expectedRows) throws SQLException {
        assertEquals(arrange(sql, normalise(expectedRows)), arrange(sql, normalise(Db.rows(recall, sql))),
                () -> "rows of: " + sql);
    }

    static List<Object> row(Object... values) {
        // row(null) passes a null array, meaning a row of one NULL
        return values == null ? Collections.singletonList(null) : Arrays.asList(values);
    }

    @SafeVarargs
    static List<List<Object>> rows(List<Object>... rows) {
        return Arrays.asList(rows);
    }

    @Override
    public void close() throws SQLException {
        try {
            recall.close();
        } finally {
            h2.close();
        }
    }

    static boolean hasTopLevelOrderBy(String sql) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (char ch : sql.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')') {
                depth--;
            } else if (!quoted && depth == 0) {
                outside.append(ch);
            }
        }
        return ORDER_BY.matcher(outside.toString().toUpperCase(Locale.ROOT)).find();
    }

    private static List<List<Object>> arrange(String sql, List<List<Object>> rows) {
        if (!hasTopLevelOrderBy(sql)) {
            rows.sort(ROW_ORDER);
        }
        return rows;
    }

    private static List<List<Object>> normalise(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>(row.size());
            for (Object v : row) {
                values.add(value(v));
            }
            out.add(Collections.unmodifiableList(values));
        }
        return out;
    }

    private static Object value(Object v) {
        if (v == null || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number n) {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
