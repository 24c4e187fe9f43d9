package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secondary indexes through JDBC: the same queries on an indexed and an unindexed copy of a table
 * (and on H2) give the same rows; EXPLAIN names the index; a transaction sees its own uncommitted
 * rows through the index and never another's; DDL and its errors.
 */
class IndexTest {
    private static final String[] QUERIES = {
        "SELECT id, a, b, s FROM %s WHERE a = 7 ORDER BY id",
        "SELECT id FROM %s WHERE a = 7 AND b = 3 ORDER BY id",
        "SELECT id FROM %s WHERE a IN (1, 5, 5, 19, NULL) ORDER BY id",
        "SELECT id FROM %s WHERE a > 15 ORDER BY id",
        "SELECT id FROM %s WHERE a >= 15 AND a < 17 ORDER BY id",
        "SELECT id FROM %s WHERE 4 >= a ORDER BY id",
        "SELECT id FROM %s WHERE a BETWEEN 3 AND 4 AND s LIKE 'x%%' ORDER BY id",
        "SELECT id FROM %s WHERE a = 2.5 ORDER BY id",
        "SELECT id FROM %s WHERE a > 2.5 AND a < 4 ORDER BY id",
        "SELECT id FROM %s WHERE a = NULL ORDER BY id",
        "SELECT id FROM %s WHERE a IS NULL ORDER BY id",
        "SELECT id FROM %s WHERE a < 3 ORDER BY id",
        "SELECT id FROM %s WHERE s = 'x7' ORDER BY id",
        "SELECT id FROM %s WHERE s >= 'x8' ORDER BY id",
        "SELECT COUNT(*) FROM %s WHERE a = 11",
        "SELECT p.id, t.id FROM plain p JOIN %s t ON t.a = p.b AND t.b = p.b WHERE p.id < 40 ORDER BY 1, 2",
        "SELECT p.id, t.id FROM plain p LEFT JOIN %s t ON t.a = p.id + 10 WHERE p.id < 30 ORDER BY 1, 2",
        "SELECT a FROM %s ORDER BY a LIMIT 7 OFFSET 30",
        "SELECT a FROM %s WHERE a >= 7 AND b <> 1 ORDER BY a LIMIT 6 OFFSET 2",
        "SELECT id FROM %s WHERE s LIKE 'x1%%' ORDER BY id",
        "SELECT id FROM %s WHERE s LIKE 'x1_' AND a IS NULL ORDER BY id",
        "SELECT a, b FROM %s WHERE b = 2 ORDER BY a, b LIMIT 12",
        "SELECT id FROM %s WHERE a = 7 AND b >= 2 ORDER BY id",
        "SELECT id FROM %s WHERE b < 2 AND a = 3 ORDER BY id",
        "SELECT id FROM %s WHERE a = 11 AND b BETWEEN 1 AND 3 AND s > 'x3' ORDER BY id",
        "SELECT id FROM %s WHERE a IS NULL AND b > 2 ORDER BY id",
        "SELECT id FROM %s WHERE a = 7 AND b > 3 AND b < 1 ORDER BY id",
    };

    private Connection conn;
    private Connection h2;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        h2 = DriverManager.getConnection("jdbc:h2:mem:");
        String ddl = "CREATE TABLE %s (id INT PRIMARY KEY, a INT, b INT, s VARCHAR(10))";
        for (Connection c : List.of(conn, h2)) {
            exec(c, String.format(ddl, "plain"), String.format(ddl, "indexed"),
                    "CREATE INDEX ix_a ON indexed (a)", "CREATE INDEX ix_ab ON indexed (a, b DESC)",
                    "CREATE INDEX ix_s ON indexed (s)");
        }
        Random random = new Random(4);
        for (Connection c : List.of(conn, h2)) {
            c.setAutoCommit(false);
        }
        for (int id = 1; id <= 400; id++) {
            Integer a = random.nextInt(10) == 0 ? null : random.nextInt(20);
            int b = random.nextInt(5);
            String s = "x" + random.nextInt(12);
            for (Connection c : List.of(conn, h2)) {
                for (String t : List.of("plain", "indexed")) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t + " VALUES (?, ?, ?, ?)")) {
                        ps.setInt(1, id);
                        ps.setObject(2, a);
                        ps.setInt(3, b);
                        ps.setString(4, s);
                        ps.executeUpdate();
                    }
                }
            }
        }
        for (Connection c : List.of(conn, h2)) {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        h2.close();
    }

    private void assertSameEverywhere() throws SQLException {
        for (String q : QUERIES) {
            List<List<Object>> expected = rows(h2, String.format(q, "plain"));
            assertEquals(expected, rows(conn, String.format(q, "plain")), q);
            assertEquals(expected, rows(conn, String.format(q, "indexed")), q);
        }
    }

    @Test
    void indexedAndUnindexedAnswersAgreeWithH2() throws SQLException {
        assertSameEverywhere();
        for (Connection c : List.of(conn, h2)) {
            for (String t : List.of("plain", "indexed")) {
                exec(c, "UPDATE " + t + " SET a = a + 1 WHERE a BETWEEN 5 AND 8",
                        "DELETE FROM " + t + " WHERE a = 12", "UPDATE " + t + " SET a = NULL WHERE b = 4 AND a < 3",
                        "INSERT INTO " + t + " VALUES (1000, 7, 3, 'x7')");
            }
        }
        assertSameEverywhere();
    }

    @Test
    void explainNamesTheIndex() throws SQLException {
        assertTrue(explain("SELECT * FROM indexed WHERE a = 3").contains("index IX_A lookup"));
        assertTrue(explain("SELECT * FROM indexed WHERE a = 3 AND b = 1").contains("index IX_AB lookup"));
        assertTrue(explain("SELECT * FROM indexed WHERE a > 3").contains("index IX_A range"));
        assertTrue(explain("SELECT * FROM indexed WHERE a = 3 AND b > 1").contains("index IX_AB range"));
        assertTrue(explain("SELECT * FROM indexed WHERE a IS NULL AND b <= 1").contains("index IX_AB range"));
        assertTrue(explain("SELECT * FROM indexed WHERE s BETWEEN 'a' AND 'b'").contains("index IX_S range"));
        assertTrue(explain("SELECT * FROM indexed WHERE id = 3 AND a = 3").contains("primary key lookup"));
        assertTrue(explain("SELECT * FROM indexed WHERE b = 3").contains("scan"));
        assertTrue(explain("SELECT * FROM plain WHERE a = 3").contains("scan"));
        assertTrue(explain("SELECT * FROM indexed WHERE a IS NULL").contains("index IX_A lookup"));
        assertTrue(explain("SELECT * FROM indexed WHERE s LIKE 'x1%'").contains("index IX_S range"));
        assertTrue(explain("SELECT p.id FROM plain p JOIN indexed i ON i.id = p.id WHERE i.a = 3")
                .contains("index IX_A"), explain("SELECT p.id FROM plain p JOIN indexed i ON i.id = p.id WHERE i.a = 3"));
    }

    @Test
    void joinsLookUpTheInnerTableThroughItsIndex() throws SQLException {
        String inner = explain("SELECT p.id FROM plain p JOIN indexed t ON t.a = p.b WHERE p.id < 5");
        assertTrue(inner.contains("index IX_A lookup join (inner) into PUBLIC.INDEXED"), inner);
        String left = explain("SELECT p.id FROM plain p LEFT JOIN indexed t ON t.s = p.s");
        assertTrue(left.contains("index IX_S lookup join (left)"), left);
        String hash = explain("SELECT p.id FROM indexed t JOIN plain p ON t.a = p.b WHERE t.id < 5");
        assertTrue(hash.contains("hash join (inner)"), hash);
    }

    @Test
    void forceScanIgnoresKeysAndIndexesButNotTheAnswers() throws SQLException {
        exec(conn, "SET FORCE_SCAN TRUE");
        assertTrue(explain("SELECT * FROM indexed WHERE a = 3").contains("scan (forced)"));
        assertTrue(explain("SELECT * FROM indexed WHERE id = 3").contains("scan (forced)"));
        assertSameEverywhere();
        exec(conn, "SET FORCE_SCAN FALSE");
        assertTrue(explain("SELECT * FROM indexed WHERE a = 3").contains("index IX_A lookup"));
        assertFails(conn, "22023", "SET FORCE_SCAN maybe");
    }

    @Test
    void orderByWithLimitReadsTheIndexInOrder() throws SQLException {
        String plan = explain("SELECT a FROM indexed ORDER BY a LIMIT 5");
        assertTrue(plan.contains("index IX_A in order, limit"), plan);
        String range = explain("SELECT a FROM indexed WHERE a >= 7 ORDER BY a LIMIT 5");
        assertTrue(range.contains("index IX_A range in order, limit"), range);
        String backward = explain("SELECT a FROM indexed ORDER BY a DESC LIMIT 5");
        assertTrue(backward.contains("index IX_A in order, backward, limit"), backward);
        assertTrue(explain("SELECT a FROM indexed ORDER BY a DESC NULLS FIRST LIMIT 5").contains("top-N"));
        assertTrue(explain("SELECT a FROM indexed WHERE id = 4 ORDER BY a LIMIT 5").contains("primary key lookup"));
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO indexed VALUES (5000, -1, 0, 'new')");
        assertEquals(List.of(List.<Object>of(-1)), rows(conn, "SELECT a FROM indexed WHERE a IS NOT NULL ORDER BY a LIMIT 1"));
        conn.rollback();
        conn.setAutoCommit(true);
    }

    private String explain(String sql) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (List<Object> r : rows(conn, "EXPLAIN " + sql)) {
            sb.append(r.get(0)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void ownUncommittedRowsAreVisibleThroughTheIndexOthersAreNot() throws SQLException {
        String url = conn.getMetaData().getURL();
        try (Connection other = Db.open(url)) {
            conn.setAutoCommit(false);
            exec(conn, "INSERT INTO indexed VALUES (5001, 777, 1, 'new')",
                    "UPDATE indexed SET a = 778 WHERE id = 1", "DELETE FROM indexed WHERE a = 19");
            assertEquals(List.of(5001L), Db.longs(conn, "SELECT id FROM indexed WHERE a = 777"));
            assertEquals(List.of(1L), Db.longs(conn, "SELECT id FROM indexed WHERE a >= 778"));
            assertEquals(List.of(), Db.longs(conn, "SELECT id FROM indexed WHERE a = 19"));
            assertEquals(List.of(), Db.longs(other, "SELECT id FROM indexed WHERE a = 777"));
            assertEquals(List.of(), Db.longs(other, "SELECT id FROM indexed WHERE a >= 778"));
            List<Long> nineteen = Db.longs(other, "SELECT id FROM indexed WHERE a = 19");
            assertTrue(!nineteen.isEmpty());
            conn.rollback();
            assertEquals(List.of(), Db.longs(conn, "SELECT id FROM indexed WHERE a = 777"));
            assertEquals(nineteen, Db.longs(conn, "SELECT id FROM indexed WHERE a = 19 ORDER BY id"));
            exec(conn, "INSERT INTO indexed VALUES (5002, 777, 1, 'new')");
            conn.commit();
            assertEquals(List.of(5002L), Db.longs(other, "SELECT id FROM indexed WHERE a = 777"));
        }
    }

    @Test
    void ddlAndErrors() throws SQLException {
        exec(conn, "CREATE INDEX IF NOT EXISTS ix_a ON indexed (b)");
        assertFails(conn, "42P07", "CREATE INDEX ix_a ON plain (b)");
        assertFails(conn, "42P01", "CREATE INDEX ix_z ON nosuch (b)");
        assertFails(conn, "42703", "CREATE INDEX ix_z ON plain (nosuch)");
        assertFails(conn, "42704", "DROP INDEX nosuch");
        exec(conn, "DROP INDEX IF EXISTS nosuch", "DROP INDEX ix_a");
        assertTrue(explain("SELECT * FROM indexed WHERE a = 3").contains("IX_AB"));
        exec(conn, "DROP INDEX ix_ab");
        assertTrue(explain("SELECT * FROM indexed WHERE a = 3").contains("scan"));
        exec(conn, "CREATE INDEX ix_a ON indexed (a)");
        assertSameEverywhere();
        exec(conn, "DROP TABLE indexed", "CREATE TABLE indexed (id INT PRIMARY KEY, a INT)");
        exec(conn, "CREATE INDEX ix_a ON indexed (a)");
    }

    @Test
    void preparedStatementSeesANewIndex() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM plain WHERE a = ? ORDER BY id")) {
            ps.setInt(1, 7);
            List<List<Object>> before = Db.readAll(ps.executeQuery());
            exec(conn, "CREATE INDEX ix_plain_a ON plain (a)");
            assertEquals(before, Db.readAll(ps.executeQuery()));
            exec(conn, "INSERT INTO plain VALUES (9000, 7, 0, 'z')");
            List<List<Object>> after = Db.readAll(ps.executeQuery());
            assertEquals(before.size() + 1, after.size());
        }
    }

    /** Not a timed assertion: prints single-row insert throughput with 0 and 2 secondary indexes. */
    @Test
    void insertCostWithIndexes() throws SQLException {
        exec(conn, "CREATE TABLE t0 (id INT PRIMARY KEY, a INT, s VARCHAR(20))",
                "CREATE TABLE t2 (id INT PRIMARY KEY, a INT, s VARCHAR(20))",
                "CREATE INDEX t2_a ON t2 (a)", "CREATE UNIQUE INDEX t2_s ON t2 (s)");
        List<String> report = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String t : List.of("t0", "t2")) {
                int n = 5000;
                long start = System.nanoTime();
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + t + " VALUES (?, ?, ?)")) {
                    for (int i = 0; i < n; i++) {
                        int id = round * n + i;
                        ps.setInt(1, id);
                        ps.setInt(2, id % 100);
                        ps.setString(3, "s" + id);
                        ps.executeUpdate();
                    }
                }
                long nanos = System.nanoTime() - start;
                report.add(t + " round " + round + ": " + (long) (n / (nanos / 1e9)) + " inserts/s");
            }
        }
        System.out.println("[IndexTest] auto-commit inserts, 0 indexes (t0) vs 2 (t2): " + report);
    }
}
