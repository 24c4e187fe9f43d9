package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertSqlState;
import static io.recall.harness.Db.longs;
import static io.recall.harness.SameAsH2.row;
import static io.recall.harness.SameAsH2.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves WITH and WITH RECURSIVE give H2's rows: named queries used like tables, counting, walking a tree down and
// up, and (Recall only) UNION stopping on cycles, LIMIT stopping an endless recursion, and the query timeout.
class CteTest {
    private SameAsH2 db;

    @BeforeEach
    void open() throws SQLException {
        db = SameAsH2.open();
        db.both("CREATE TABLE tree (id INT PRIMARY KEY, parent INT, name VARCHAR(10))",
                "INSERT INTO tree VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 2, 'a2'),"
                        + " (6, 4, 'a1x'), (7, 3, 'b1'), (8, NULL, 'other')");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void withQueryIsUsedLikeATable() throws SQLException {
        db.check("WITH big AS (SELECT id, name FROM tree WHERE id > 4) SELECT name FROM big ORDER BY id",
                rows(row("a2"), row("a1x"), row("b1"), row("other")));
        db.check("WITH t AS (SELECT 1 AS v) SELECT * FROM t, tree WHERE tree.id = t.v", rows(row(1, 1, null, "root")));
    }

    @Test
    void laterWithQueriesReadEarlierOnes() throws SQLException {
        db.check("WITH x AS (SELECT id FROM tree WHERE id < 4), y AS (SELECT id FROM x WHERE id > 1) SELECT * FROM y",
                rows(row(2), row(3)));
    }

    @Test
    void withQueryReadBeforeItIsDefinedIs42P01() {
        assertFails(db.recall, "42P01", "WITH y AS (SELECT * FROM x), x AS (SELECT 1 AS v) SELECT * FROM y");
    }

    @Test
    void withQueryJoinedWithItself() throws SQLException {
        db.check("WITH x AS (SELECT id FROM tree WHERE id < 4) SELECT a.id, b.id FROM x a JOIN x b ON b.id = a.id + 1",
                rows(row(1, 2), row(2, 3)));
    }

    @Test
    void columnListRenamesAndMustMatchTheWidth() throws SQLException {
        db.check("WITH x(k) AS (SELECT id FROM tree WHERE id < 3) SELECT k FROM x ORDER BY k", rows(row(1), row(2)));
        assertFails(db.recall, "42601", "WITH c(a, b) AS (SELECT 1) SELECT * FROM c");
    }

    // H2 lets the table win over a WITH query of the same name; in standard SQL the WITH query hides the table
    @Test
    void withQueryHidesATableOfTheSameName() throws SQLException {
        db.checkRecall("WITH tree AS (SELECT 99 AS id) SELECT id FROM tree", rows(row(99)));
    }

    @Test
    void withInsideSubqueries() throws SQLException {
        db.check("SELECT name FROM tree WHERE id IN (WITH x AS (SELECT 2 AS v) SELECT v FROM x)", rows(row("a")));
        db.check("WITH x AS (SELECT id FROM tree WHERE parent = 1) SELECT name FROM tree WHERE parent IN (SELECT id"
                + " FROM x)",
                rows(row("a1"), row("a2"), row("b1")));
    }

    @Test
    void recursiveQueryCountsToOneHundred() throws SQLException {
        db.check("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 100)"
                + " SELECT COUNT(*), SUM(n), MIN(n), MAX(n) FROM c", rows(row(100, 5050, 1, 100)));
        db.check("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 100)"
                + " SELECT n FROM c ORDER BY n DESC LIMIT 2", rows(row(100), row(99)));
    }

    @Test
    void recursiveQueryCarriesSeveralColumns() throws SQLException {
        db.check("WITH RECURSIVE fib(a, b) AS (SELECT 0, 1 UNION ALL SELECT b, a + b FROM fib WHERE b < 50) SELECT a"
                + " FROM fib",
                rows(row(0), row(1), row(1), row(2), row(3), row(5), row(8), row(13), row(21), row(34)));
    }

    @Test
    void recursiveQueryWalksATreeDownward() throws SQLException {
        db.check("WITH RECURSIVE sub(id, name, depth) AS (SELECT id, name, 0 FROM tree WHERE id = 2"
                        + " UNION ALL SELECT t.id, t.name, s.depth + 1 FROM tree t JOIN sub s ON t.parent = s.id)"
                        + " SELECT id, name, depth FROM sub ORDER BY id",
                rows(row(2, "a", 0), row(4, "a1", 1), row(5, "a2", 1), row(6, "a1x", 2)));
        db.check("WITH RECURSIVE path(id, p) AS (SELECT id, name FROM tree WHERE parent IS NULL"
                        + " UNION ALL SELECT t.id, path.p || '/' || t.name FROM tree t, path WHERE t.parent = path.id)"
                        + " SELECT p FROM path ORDER BY p",
                rows(row("other"), row("root"), row("root/a"), row("root/a/a1"), row("root/a/a1/a1x"), row("root/a/a2"),
                        row("root/b"), row("root/b/b1")));
    }

    @Test
    void recursiveQueryWalksATreeUpward() throws SQLException {
        db.check("WITH RECURSIVE anc(id, parent) AS (SELECT id, parent FROM tree WHERE id = 6"
                + " UNION ALL SELECT t.id, t.parent FROM tree t JOIN anc a ON t.id = a.parent) SELECT id FROM anc",
                rows(row(1), row(2), row(4), row(6)));
    }

    @Test
    void recursiveResultJoinsAndGroupsLikeATable() throws SQLException {
        db.check("WITH RECURSIVE sub(root, id) AS (SELECT id, id FROM tree WHERE parent = 1"
                        + " UNION ALL SELECT s.root, t.id FROM sub s JOIN tree t ON t.parent = s.id)"
                        + " SELECT r.name, COUNT(*) FROM sub JOIN tree r ON r.id = sub.root GROUP BY r.name ORDER BY"
                        + " r.name",
                rows(row("a", 4), row("b", 2)));
    }

    // H2 does not drop duplicates while recursing with UNION and never ends on a cycle, so this is Recall only
    @Test
    void recursiveUnionStopsOnACycle() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Db.exec(db.recall, "CREATE TABLE edge (src INT, dst INT)", "INSERT INTO edge VALUES (1, 2), (2, 3), (3,"
                    + " 1), (3, 4), (5, 6)");
            db.checkRecall("WITH RECURSIVE r(n) AS (SELECT 1 UNION SELECT e.dst FROM edge e JOIN r ON e.src = r.n)"
                    + " SELECT n FROM r", rows(row(1), row(2), row(3), row(4)));
            db.checkRecall("WITH RECURSIVE c(n) AS (SELECT 1 UNION SELECT n FROM c) SELECT n FROM c", rows(row(1)));
        });
    }

    @Test
    void limitStopsAnEndlessRecursion() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertEquals(List.of(1L, 2L, 3L, 4L, 5L),
                longs(db.recall, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT n FROM c"
                        + " LIMIT 5")));
    }

    @Test
    void endlessRecursionEndsWithTheQueryTimeout() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (Statement st = db.recall.createStatement()) {
                st.setQueryTimeout(1);
                assertSqlState("57014", () -> st.executeQuery("WITH RECURSIVE c(n) AS"
                        + " (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT COUNT(*) FROM c").close());
            }
        });
    }

    @Test
    void recursivePartWithAnotherWidthIs42601() {
        assertFails(db.recall, "42601", "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1, 2 FROM c WHERE n < 3)"
                + " SELECT n FROM c");
    }

    @Test
    void aggregateInTheRecursivePartIsRefused() {
        // refused when prepared, so the statement never runs
        SQLException e = assertThrows(SQLException.class, () -> db.recall.prepareStatement("WITH RECURSIVE c(n) AS"
                + " (SELECT 1 UNION ALL SELECT COUNT(*) FROM c WHERE n < 3) SELECT n FROM c").close());
        assertTrue(e.getSQLState().startsWith("42") || e.getSQLState().equals("0A000"), e.getSQLState());
    }

    @Test
    void preparedRecursiveQueryTakesNewParameters() throws SQLException {
        try (PreparedStatement ps = db.recall.prepareStatement(
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ?) SELECT COUNT(*) FROM c")) {
            ps.setInt(1, 10);
            assertEquals(10L, count(ps));
            ps.setInt(1, 250);
            assertEquals(250L, count(ps));
        }
    }

    private static long count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }
}
