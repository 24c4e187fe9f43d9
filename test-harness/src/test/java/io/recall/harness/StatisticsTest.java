package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.rows;
import static io.recall.harness.Db.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves index statistics pick between index reads and a scan: the most selective index wins, a read of
// most of a large table scans instead, estimates follow the data as it changes, and answers never change.
class StatisticsTest {
    private static final int ROWS = 10_000;
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, flag INT, v INT, grp INT)",
                "CREATE INDEX t_flag ON t (flag)", "CREATE INDEX t_v ON t (v)", "CREATE INDEX t_grp ON t (grp)",
                "CREATE TABLE small (id INT PRIMARY KEY, flag INT)", "CREATE INDEX small_flag ON small (flag)",
                "INSERT INTO small VALUES (1, 0), (2, 1), (3, 1)");
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                ps.setInt(1, i);
                ps.setInt(2, i % 2);
                ps.setInt(3, i);
                ps.setInt(4, i % 1000);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        conn.commit();
        conn.setAutoCommit(true);
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private String plan(String query) throws SQLException {
        return String.join("\n", strings(conn, "EXPLAIN " + query));
    }

    private void assertPlanHas(String query, String part) throws SQLException {
        String plan = plan(query);
        assertTrue(plan.contains(part), () -> "plan of " + query + " lacks '" + part + "':\n" + plan);
    }

    /** The same rows whichever path runs: compared with a forced scan. */
    private void assertSameAsScan(String query) throws SQLException {
        List<List<Object>> chosen = rows(conn, query);
        exec(conn, "SET FORCE_SCAN TRUE");
        try {
            assertEquals(rows(conn, query), chosen, query);
        } finally {
            exec(conn, "SET FORCE_SCAN FALSE");
        }
    }

    @Test
    void anEqualityOnAFewValuedColumnScans() throws SQLException {
        String query = "SELECT COUNT(*) FROM t WHERE flag = 1";
        assertPlanHas(query, "scan (index T_FLAG would read ~");
        assertEquals(List.of(List.of(5000L)), rows(conn, query));
        assertPlanHas("SELECT id FROM t WHERE grp = 7", "index T_GRP lookup (~10 of 10000 rows)");
        assertSameAsScan("SELECT id FROM t WHERE grp = 7 ORDER BY id");
    }

    @Test
    void theMostSelectiveIndexWins() throws SQLException {
        assertPlanHas("SELECT id FROM t WHERE flag = 1 AND grp = 7", "index T_GRP lookup");
        assertPlanHas("SELECT id FROM t WHERE grp = 7 AND flag = 1", "index T_GRP lookup");
        assertPlanHas("SELECT id FROM t WHERE flag = 0 AND v = 42", "index T_V lookup (~1 of 10000 rows)");
        assertSameAsScan("SELECT id FROM t WHERE flag = 1 AND grp = 7 ORDER BY id");
    }

    @Test
    void aRangeOverMostOfTheTableScansAndANarrowOneReadsTheIndex() throws SQLException {
        String narrow = "SELECT id FROM t WHERE v < 100";
        String plan = plan(narrow);
        assertTrue(plan.contains("index T_V range (~"), plan);
        assertSameAsScan(narrow + " ORDER BY id");
        assertPlanHas("SELECT id FROM t WHERE v > 100", "scan (index T_V would read ~");
        assertPlanHas("SELECT id FROM t WHERE v BETWEEN 2000 AND 2100", "index T_V range");
        assertPlanHas("SELECT id FROM t WHERE v BETWEEN 2000 AND 9000", "scan (index T_V");
        assertSameAsScan("SELECT id FROM t WHERE v BETWEEN 2000 AND 9000 ORDER BY id");
    }

    @Test
    void aPreparedRangeDecidesWithEachExecutionsValues() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM t WHERE v >= ? AND v < ?")) {
            int[][] bounds = {{1, 51}, {1, 9001}, {5000, 5010}, {0, 20000}, {20000, 0}};
            int[] expected = {50, 9000, 10, ROWS, 0};
            for (int i = 0; i < bounds.length; i++) {
                ps.setInt(1, bounds[i][0]);
                ps.setInt(2, bounds[i][1]);
                assertEquals(List.of(List.of((long) expected[i])), Db.readAll(ps.executeQuery()));
            }
        }
    }

    @Test
    void estimatesFollowTheDataAsItChanges() throws SQLException {
        String query = "SELECT COUNT(*) FROM t WHERE grp = 5";
        assertPlanHas(query, "index T_GRP lookup (~10 of 10000 rows)");
        exec(conn, "UPDATE t SET grp = 5 WHERE id <= 6000");
        assertPlanHas(query, "scan (index T_GRP would read ~");
        assertEquals(List.of(List.of(6004L)), rows(conn, query));
    }

    @Test
    void aSmallTableKeepsItsIndexReads() throws SQLException {
        assertPlanHas("SELECT id FROM small WHERE flag = 1", "index SMALL_FLAG lookup (~2 of 3 rows)");
    }

    @Test
    void aJoinOnAFewValuedColumnHashesInsteadOfLookingUp() throws SQLException {
        String byFlag = "SELECT COUNT(*) FROM small s JOIN t ON t.flag = s.flag";
        assertTrue(plan(byFlag).contains("hash join"), plan(byFlag));
        assertEquals(List.of(List.of(15000L)), rows(conn, byFlag));
        String byGroup = "SELECT COUNT(*) FROM small s JOIN t ON t.grp = s.id";
        assertTrue(plan(byGroup).contains("index T_GRP lookup join"), plan(byGroup));
        assertEquals(List.of(List.of(30L)), rows(conn, byGroup));
    }

    @Test
    void aJoinStartsFromTheTableExpectedToGiveFewerRows() throws SQLException {
        String query = "SELECT COUNT(*) FROM t JOIN small s ON t.grp = s.id";
        String plan = plan(query);
        assertTrue(plan.contains("table PUBLIC.SMALL") && plan.contains("index T_GRP lookup join (inner) into PUBLIC.T"),
                plan);
        assertEquals(List.of(List.of(30L)), rows(conn, query));
        String filtered = "SELECT COUNT(*) FROM small s JOIN t ON t.grp = s.id WHERE t.v = 1001";
        assertTrue(plan(filtered).contains("primary key lookup join"), plan(filtered));
        assertEquals(List.of(List.of(1L)), rows(conn, filtered));
    }

    @Test
    void aPreparedJoinIsOrderedAgainOnceItsTablesGrew() throws SQLException {
        exec(conn, "CREATE TABLE a (id INT PRIMARY KEY, x INT)", "CREATE INDEX a_x ON a (x)",
                "CREATE TABLE b (id INT PRIMARY KEY, y INT)");
        try (PreparedStatement explain = conn.prepareStatement("EXPLAIN SELECT COUNT(*) FROM a JOIN b ON a.x = b.y")) {
            String before = String.join("\n", Db.readAll(explain.executeQuery()).stream()
                    .map(r -> String.valueOf(r.get(0))).toList());
            assertTrue(before.contains("hash join"), before);
            exec(conn, "INSERT INTO a SELECT id, id % 500 FROM t WHERE id <= 5000",
                    "INSERT INTO b VALUES (1, 7), (2, 8), (3, 9)");
            String after = String.join("\n", Db.readAll(explain.executeQuery()).stream()
                    .map(r -> String.valueOf(r.get(0))).toList());
            assertTrue(after.contains("index A_X lookup join (inner) into PUBLIC.A"), after);
        }
        assertEquals(List.of(List.of(30L)), rows(conn, "SELECT COUNT(*) FROM a JOIN b ON a.x = b.y"));
    }
}
