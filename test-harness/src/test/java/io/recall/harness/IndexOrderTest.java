package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Index reads in descending order, in mixed directions and as a range on a later column of a
 * composite index: each query gives the same rows as under {@code SET FORCE_SCAN TRUE} (a scan
 * and a sort), on data with NULLs and duplicates, and EXPLAIN names the path it takes. Queries
 * select only the sort columns (and columns the WHERE holds equal), so rows that tie in the
 * order are indistinguishable and the comparison is exact.
 */
class IndexOrderTest {
    /** Each query with a fragment its plan must contain. */
    private static final String[][] QUERIES = {
        // a DESC index read forward and backward
        {"SELECT amount FROM orders ORDER BY amount DESC LIMIT 15", "index IX_AMOUNT in order, limit"},
        {"SELECT amount FROM orders ORDER BY amount LIMIT 15 OFFSET 570", "index IX_AMOUNT in order, backward"},
        {"SELECT amount FROM orders ORDER BY amount DESC NULLS LAST LIMIT 9 OFFSET 3", "index IX_AMOUNT in order"},
        {"SELECT amount FROM orders WHERE note <> 'n3' ORDER BY amount DESC LIMIT 30 OFFSET 7",
            "index IX_AMOUNT in order, limit"},
        // an ASC index read backward, with OFFSET
        {"SELECT placed FROM orders ORDER BY placed DESC LIMIT 20 OFFSET 5", "index IX_PA in order, backward"},
        {"SELECT placed FROM orders ORDER BY placed NULLS FIRST LIMIT 12", "index IX_PA in order, limit"},
        // mixed directions: served when the declared ones match exactly or exactly reversed
        {"SELECT placed, amount FROM orders ORDER BY placed, amount DESC LIMIT 40", "index IX_PA in order, limit"},
        {"SELECT placed, amount FROM orders ORDER BY placed DESC, amount LIMIT 40 OFFSET 3",
            "index IX_PA in order, backward"},
        {"SELECT placed, amount FROM orders ORDER BY placed, amount LIMIT 40", "sort: top-N"},
        {"SELECT placed, amount FROM orders ORDER BY placed DESC, amount DESC LIMIT 40 OFFSET 2", "sort: top-N"},
        {"SELECT placed, amount FROM orders ORDER BY amount DESC, placed LIMIT 40", "sort: top-N"},
        // NULLs where the index does not keep them: sorted
        {"SELECT amount FROM orders ORDER BY amount DESC NULLS FIRST LIMIT 10", "sort: top-N"},
        {"SELECT amount FROM orders ORDER BY amount NULLS LAST LIMIT 10 OFFSET 20", "sort: top-N"},
        {"SELECT placed FROM orders ORDER BY placed DESC NULLS FIRST LIMIT 10", "sort: top-N"},
        // a range on the second column of (customer, placed)
        {"SELECT id, placed FROM orders WHERE customer = 3 AND placed >= 10 AND placed < 30 ORDER BY id",
            "index IX_CP range"},
        {"SELECT id FROM orders WHERE customer = 3 AND placed BETWEEN 5 AND 20 ORDER BY id", "index IX_CP range"},
        {"SELECT id FROM orders WHERE placed > 40 AND customer = 7 ORDER BY id", "index IX_CP range"},
        {"SELECT id FROM orders WHERE customer = 7 AND 12 >= placed ORDER BY id", "index IX_CP range"},
        {"SELECT id FROM orders WHERE customer IS NULL AND placed < 25 ORDER BY id", "index IX_CP range"},
        {"SELECT id FROM orders WHERE customer = 3 AND placed > 30 AND placed < 10 ORDER BY id", "index IX_CP range"},
        {"SELECT id FROM orders WHERE customer = NULL AND placed > 3 ORDER BY id", "index IX_CP range"},
        {"SELECT id FROM orders WHERE customer = 4 AND placed = 9 ORDER BY id", "index IX_CP lookup"},
        // ... read in order both ways
        {"SELECT placed FROM orders WHERE customer = 3 AND placed >= 10 ORDER BY placed LIMIT 5 OFFSET 2",
            "index IX_CP range in order, limit"},
        {"SELECT placed FROM orders WHERE customer = 3 AND placed >= 10 ORDER BY placed DESC LIMIT 5",
            "index IX_CP range in order, backward"},
        {"SELECT placed FROM orders WHERE customer = 5 AND placed < 20 ORDER BY placed DESC LIMIT 50",
            "index IX_CP range in order, backward"},
        // the latest orders of a customer: the lookup's equal column does not count in the order
        {"SELECT customer, placed FROM orders WHERE customer = 3 ORDER BY placed DESC LIMIT 10",
            "index IX_CP lookup in order, backward"},
        {"SELECT customer, placed FROM orders WHERE customer = 6 ORDER BY customer, placed DESC LIMIT 100",
            "index IX_CP lookup in order, backward"},
        {"SELECT placed FROM orders WHERE customer = 6 AND amount > 3 ORDER BY placed LIMIT 4 OFFSET 1",
            "index IX_CP lookup in order, limit"},
        {"SELECT placed FROM orders WHERE customer IS NULL ORDER BY placed DESC LIMIT 7",
            "index IX_CP lookup in order, backward"},
        {"SELECT placed FROM orders WHERE customer = 3 ORDER BY placed DESC NULLS FIRST LIMIT 10", "sort: top-N"},
        // ranges on a DESC column: its NULLs come last, its bounds swap ends
        {"SELECT id FROM orders WHERE amount > 5 AND amount <= 12 ORDER BY id", "index IX_AMOUNT range"},
        {"SELECT id FROM orders WHERE amount < 4 ORDER BY id", "index IX_AMOUNT range"},
        {"SELECT id FROM orders WHERE amount >= 17 ORDER BY id", "index IX_AMOUNT range"},
        {"SELECT id FROM orders WHERE amount BETWEEN 3 AND 3 ORDER BY id", "index IX_AMOUNT range"},
        {"SELECT id FROM orders WHERE amount > 12 AND amount < 5 ORDER BY id", "index IX_AMOUNT range"},
        {"SELECT amount FROM orders WHERE amount >= 7 ORDER BY amount LIMIT 5", "index IX_AMOUNT range in order, backward"},
        {"SELECT amount FROM orders WHERE amount < 9 ORDER BY amount DESC LIMIT 6 OFFSET 2",
            "index IX_AMOUNT range in order, limit"},
        // a LIKE prefix on the DESC second column of (customer, note DESC)
        {"SELECT id FROM orders WHERE customer = 2 AND note LIKE 'n1%' ORDER BY id", "index IX_CN range"},
        {"SELECT note FROM orders WHERE customer = 2 AND note LIKE 'n1%' ORDER BY note DESC LIMIT 3",
            "index IX_CN range in order, limit"},
        {"SELECT note FROM orders WHERE customer = 2 AND note >= 'n3' ORDER BY note LIMIT 3",
            "index IX_CN range in order, backward"},
    };

    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE orders (id INT PRIMARY KEY, customer INT, placed INT, amount INT, note VARCHAR(10))",
                "CREATE INDEX ix_cp ON orders (customer, placed)",
                "CREATE INDEX ix_cn ON orders (customer, note DESC)",
                "CREATE INDEX ix_amount ON orders (amount DESC)",
                "CREATE INDEX ix_pa ON orders (placed ASC, amount DESC)");
        Random random = new Random(11);
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= 600; id++) {
                ps.setInt(1, id);
                ps.setObject(2, random.nextInt(12) == 0 ? null : random.nextInt(10));
                ps.setObject(3, random.nextInt(10) == 0 ? null : random.nextInt(50));
                ps.setObject(4, random.nextInt(8) == 0 ? null : random.nextInt(20));
                ps.setObject(5, random.nextInt(15) == 0 ? null : "n" + random.nextInt(40));
                ps.executeUpdate();
            }
        }
        conn.commit();
        conn.setAutoCommit(true);
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private List<List<Object>> scanned(String sql) throws SQLException {
        exec(conn, "SET FORCE_SCAN TRUE");
        try {
            return rows(conn, sql);
        } finally {
            exec(conn, "SET FORCE_SCAN FALSE");
        }
    }

    private String explain(String sql) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (List<Object> r : rows(conn, "EXPLAIN " + sql)) {
            sb.append(r.get(0)).append('\n');
        }
        return sb.toString();
    }

    private void assertEveryQueryAgreesWithTheScan() throws SQLException {
        for (String[] q : QUERIES) {
            String plan = explain(q[0]);
            assertTrue(plan.contains(q[1]), q[0] + " should use " + q[1] + ", plan:\n" + plan);
            List<List<Object>> expected = scanned(q[0]);
            assertEquals(expected, rows(conn, q[0]), q[0]);
        }
    }

    @Test
    void everyPathGivesTheScansAnswer() throws SQLException {
        assertEveryQueryAgreesWithTheScan();
        assertFalse(scanned("SELECT customer, placed FROM orders WHERE customer = 3 ORDER BY placed DESC LIMIT 10")
                .isEmpty(), "the data must exercise the paths");
    }

    @Test
    void indexesFollowUpdatesAndDeletes() throws SQLException {
        exec(conn, "UPDATE orders SET amount = NULL WHERE amount = 11",
                "UPDATE orders SET placed = placed + 3 WHERE customer = 3",
                "UPDATE orders SET customer = 3 WHERE customer = 4 AND placed < 20",
                "DELETE FROM orders WHERE placed BETWEEN 30 AND 34",
                "INSERT INTO orders VALUES (1000, 3, 49, 19, 'n1'), (1001, 3, NULL, NULL, NULL)");
        assertEveryQueryAgreesWithTheScan();
    }

    @Test
    void thePreferredReadOfTwoEquallyGoodOnesIsTheOrderedOne() throws SQLException {
        String sql = "SELECT placed FROM orders WHERE customer = 8 ORDER BY placed DESC LIMIT 3";
        assertTrue(explain(sql).contains("index IX_CP lookup in order, backward"), explain(sql));
        String notes = "SELECT note FROM orders WHERE customer = 8 ORDER BY note DESC LIMIT 3";
        assertTrue(explain(notes).contains("index IX_CN lookup in order, limit"), explain(notes));
        assertEquals(scanned(notes), rows(conn, notes));
    }

    @Test
    void aRangeAfterEqualitiesBeatsTheEqualitiesAlone() throws SQLException {
        exec(conn, "CREATE INDEX ix_c ON orders (customer)");
        String range = "SELECT id FROM orders WHERE customer = 3 AND placed >= 10 ORDER BY id";
        assertTrue(explain(range).contains("index IX_CP range"), explain(range));
        String both = "SELECT id FROM orders WHERE customer = 3 AND placed = 10 AND note >= 'n2'";
        assertTrue(explain(both).contains("index IX_CP lookup"), explain(both));
        String full = "SELECT id FROM orders WHERE customer = 3 AND placed >= 10 AND amount IN (1, 2) ORDER BY id";
        assertTrue(explain(full).contains("index IX_CP range"), explain(full));
        assertEquals(scanned(full), rows(conn, full));
    }

    @Test
    void ownUncommittedWritesAppearInTheirPlace() throws SQLException {
        String latest = "SELECT customer, placed FROM orders WHERE customer = 3 ORDER BY placed DESC LIMIT 4";
        String earliest = "SELECT placed FROM orders WHERE customer = 3 AND placed < 20 ORDER BY placed LIMIT 4";
        String byAmount = "SELECT amount FROM orders ORDER BY amount DESC LIMIT 5";
        String url = conn.getMetaData().getURL();
        try (Connection other = Db.open(url)) {
            List<List<Object>> othersLatest = rows(other, latest);
            List<List<Object>> othersEarliest = rows(other, earliest);
            List<List<Object>> othersByAmount = rows(other, byAmount);
            Object moved = Db.scalar(conn, "SELECT MIN(id) FROM orders WHERE customer = 3");
            Object lowest = Db.scalar(conn, "SELECT MIN(placed) FROM orders WHERE customer = 3 AND id <> " + moved);
            conn.setAutoCommit(false);
            exec(conn, "INSERT INTO orders VALUES (2000, 3, 500, 900, 'new'), (2001, 3, -7, NULL, 'new')",
                    "UPDATE orders SET placed = 400, amount = 800 WHERE id = " + moved,
                    "DELETE FROM orders WHERE customer = 3 AND placed = " + lowest);
            List<List<Object>> mine = rows(conn, latest);
            // read in index order with the transaction's own rows merged in, not sorted
            assertTrue(explain(latest).contains("index IX_CP lookup in order, backward, limit"), explain(latest));
            assertTrue(explain(byAmount).contains("index IX_AMOUNT in order, limit"), explain(byAmount));
            assertEquals(List.of(3, 500), mine.get(0));
            assertEquals(List.of(3, 400), mine.get(1));
            assertEquals(scanned(latest), mine);
            assertEquals(-7, rows(conn, earliest).get(0).get(0));
            assertEquals(scanned(earliest), rows(conn, earliest));
            assertEquals(List.of(List.of(900), List.of(800)), rows(conn, byAmount).subList(0, 2));
            assertEquals(scanned(byAmount), rows(conn, byAmount));
            assertEquals(othersLatest, rows(other, latest), "others do not see uncommitted rows");
            assertEquals(othersEarliest, rows(other, earliest));
            assertEquals(othersByAmount, rows(other, byAmount));
            conn.rollback();
            conn.setAutoCommit(true);
            assertEquals(othersLatest, rows(conn, latest));
            assertEquals(othersEarliest, rows(conn, earliest));
        }
    }
}
