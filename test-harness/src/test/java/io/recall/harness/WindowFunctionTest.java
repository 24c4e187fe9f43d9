package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertValuesHaveColumnClasses;
import static io.recall.harness.Db.scalar;
import static io.recall.harness.SameAsH2.row;
import static io.recall.harness.SameAsH2.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Proves ranking, offset and aggregate window functions give H2's rows over partitions and peers, with the
// default frame (from the partition's start to the current row's last peer); frame clauses are refused (0A000).
class WindowFunctionTest {
    private SameAsH2 db;

    @BeforeEach
    void open() throws SQLException {
        db = SameAsH2.open();
        db.both("CREATE TABLE sc (id INT PRIMARY KEY, team VARCHAR(5), pts INT)",
                "INSERT INTO sc VALUES (1, 'red', 10), (2, 'red', 20), (3, 'red', 20), (4, 'red', 5), (5, 'blue', 7),"
                        + " (6, 'blue', NULL), (7, 'blue', 7), (8, 'green', 1)");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void rowNumberCountsRowsInEachPartition() throws SQLException {
        db.check("SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) FROM sc ORDER BY id",
                rows(row(1, 8), row(2, 7), row(3, 6), row(4, 5), row(5, 4), row(6, 3), row(7, 2), row(8, 1)));
        db.check("SELECT id, ROW_NUMBER() OVER (PARTITION BY team ORDER BY pts DESC, id) FROM sc ORDER BY id",
                rows(row(1, 3), row(2, 1), row(3, 2), row(4, 4), row(5, 1), row(6, 3), row(7, 2), row(8, 1)));
    }

    @Test
    void rankAndDenseRankGiveTiesTheSameNumber() throws SQLException {
        db.check("SELECT id, RANK() OVER (PARTITION BY team ORDER BY pts DESC),"
                        + " DENSE_RANK() OVER (PARTITION BY team ORDER BY pts DESC) FROM sc WHERE team = 'red' ORDER"
                        + " BY id",
                rows(row(1, 3, 2), row(2, 1, 1), row(3, 1, 1), row(4, 4, 3)));
    }

    // NULLs sort first ascending, as in H2
    @Test
    void nullsAreRankedTogetherBeforeOtherValues() throws SQLException {
        db.check("SELECT id, RANK() OVER (ORDER BY pts), DENSE_RANK() OVER (ORDER BY pts) FROM sc ORDER BY id",
                rows(row(1, 6, 5), row(2, 7, 6), row(3, 7, 6), row(4, 3, 3), row(5, 4, 4), row(6, 1, 1), row(7, 4, 4),
                        row(8, 2, 2)));
    }

    @Test
    void lagAndLeadReadNeighboursWithinThePartition() throws SQLException {
        db.check("SELECT id, LAG(pts) OVER (PARTITION BY team ORDER BY id), LEAD(pts) OVER (PARTITION BY team ORDER BY"
                + " id)"
                        + " FROM sc ORDER BY id",
                rows(row(1, null, 20), row(2, 10, 20), row(3, 20, 5), row(4, 20, null), row(5, null, null),
                        row(6, 7, 7), row(7, null, null), row(8, null, null)));
    }

    @Test
    void lagAndLeadTakeAnOffsetAndADefault() throws SQLException {
        db.check("SELECT id, LAG(pts, 2, -1) OVER (ORDER BY id), LEAD(pts, 1, 0) OVER (ORDER BY id) FROM sc ORDER BY"
                + " id");
        db.check("SELECT id, LAG(team, 1, 'none') OVER (PARTITION BY team ORDER BY id) FROM sc WHERE id IN (1, 2, 8)"
                + " ORDER BY id",
                rows(row(1, "none"), row(2, "red"), row(8, "none")));
        db.check("SELECT id, pts - LAG(pts) OVER (ORDER BY id) AS delta FROM sc WHERE id < 5 ORDER BY id",
                rows(row(1, null), row(2, 10), row(3, 0), row(4, -15)));
    }

    @Test
    void lagAndLeadDefaultsTakeTheResultType() throws SQLException {
        assertValuesHaveColumnClasses(db.recall, "SELECT LAG(id, 1, 2.5) OVER (ORDER BY id) FROM sc");
        assertValuesHaveColumnClasses(db.recall, "SELECT LEAD(CAST(pts AS DECIMAL(5,1)), 1, 0) OVER (ORDER BY id) FROM"
                + " sc");
    }

    @Test
    void runningAggregatesIncludeThePeersOfTheCurrentRow() throws SQLException {
        db.check("SELECT id, SUM(pts) OVER (PARTITION BY team ORDER BY id), COUNT(*) OVER (PARTITION BY team ORDER BY"
                + " id)"
                + " FROM sc WHERE team = 'red' ORDER BY id",
                rows(row(1, 10, 1), row(2, 30, 2), row(3, 50, 3), row(4, 55, 4)));
        // ids 2 and 3 are peers (20 points): both see the sum through the last of them
        db.check("SELECT id, SUM(pts) OVER (PARTITION BY team ORDER BY pts), COUNT(pts) OVER (PARTITION BY team ORDER"
                + " BY pts)"
                + " FROM sc ORDER BY id", rows(row(1, 15, 2), row(2, 55, 4), row(3, 55, 4), row(4, 5, 1), row(5, 14, 2),
                row(6, null, 0), row(7, 14, 2), row(8, 1, 1)));
        db.check("SELECT id, MAX(pts) OVER (PARTITION BY team ORDER BY id), MIN(pts) OVER (PARTITION BY team ORDER BY"
                + " pts DESC)"
                + " FROM sc ORDER BY id");
    }

    @Test
    void aggregatesWithoutOrderByCoverTheWholePartition() throws SQLException {
        db.check("SELECT id, SUM(pts) OVER (PARTITION BY team), MIN(pts) OVER (PARTITION BY team),"
                        + " MAX(pts) OVER (PARTITION BY team), COUNT(pts) OVER (PARTITION BY team) FROM sc ORDER BY id",
                rows(row(1, 55, 5, 20, 4), row(2, 55, 5, 20, 4), row(3, 55, 5, 20, 4), row(4, 55, 5, 20, 4),
                        row(5, 14, 7, 7, 2), row(6, 14, 7, 7, 2), row(7, 14, 7, 7, 2), row(8, 1, 1, 1, 1)));
        db.check("SELECT id, COUNT(*) OVER () FROM sc WHERE id > 6", rows(row(7, 2), row(8, 2)));
    }

    // H2 2.3 returns AVG of integers as DOUBLE; Recall's is an exact DECIMAL
    @Test
    void avgOverIsAnExactDecimal() throws SQLException {
        db.check("SELECT id, AVG(pts) OVER (PARTITION BY team) FROM sc WHERE team <> 'blue' ORDER BY id",
                rows(row(1, 13.75), row(2, 13.75), row(3, 13.75), row(4, 13.75), row(8, 1)));
        assertEquals(new BigDecimal("16.66666666666666666666666666666667"),
                scalar(db.recall, "SELECT a FROM (SELECT id, AVG(pts) OVER (PARTITION BY team ORDER BY id) AS a FROM"
                        + " sc) t"
                        + " WHERE id = 3"));
    }

    @Test
    void topRowPerPartitionThroughADerivedTable() throws SQLException {
        db.check("SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY team ORDER BY pts DESC, id) AS rn FROM"
                + " sc) t"
                + " WHERE rn = 1", rows(row(2), row(5), row(8)));
        db.check("SELECT team, pts, RANK() OVER (ORDER BY pts DESC) AS r FROM sc ORDER BY r, team LIMIT 3",
                rows(row("red", 20, 1), row("red", 20, 1), row("red", 10, 3)));
    }

    @Test
    void windowFunctionInOrderBy() throws SQLException {
        db.check("SELECT id FROM sc ORDER BY ROW_NUMBER() OVER (ORDER BY pts DESC NULLS LAST, id DESC)",
                rows(row(3), row(2), row(1), row(7), row(5), row(4), row(8), row(6)));
    }

    @Test
    void windowOverAJoinAndUnderDistinct() throws SQLException {
        db.both("CREATE TABLE tm (name VARCHAR(5) PRIMARY KEY, city VARCHAR(10))",
                "INSERT INTO tm VALUES ('red', 'Oslo'), ('blue', 'Rome'), ('green', 'Oslo')");
        db.check("SELECT s.id, t.city, RANK() OVER (PARTITION BY t.city ORDER BY s.pts DESC NULLS LAST)"
                + " FROM sc s JOIN tm t ON t.name = s.team ORDER BY s.id");
        db.check("SELECT DISTINCT team, COUNT(*) OVER (PARTITION BY team) FROM sc ORDER BY team",
                rows(row("blue", 3), row("green", 1), row("red", 4)));
    }

    @Test
    void windowOverADerivedGroupedTable() throws SQLException {
        db.check("SELECT team, s, RANK() OVER (ORDER BY s DESC) FROM (SELECT team, SUM(pts) AS s FROM sc GROUP BY"
                + " team) t",
                rows(row("blue", 14, 2), row("green", 1, 3), row("red", 55, 1)));
    }

    @Test
    void windowFunctionsOverGroupedRows() throws SQLException {
        db.check("SELECT team, SUM(pts), RANK() OVER (ORDER BY SUM(pts) DESC) FROM sc GROUP BY team",
                rows(row("blue", 14, 2), row("green", 1, 3), row("red", 55, 1)));
        db.check("SELECT team, COUNT(*), ROW_NUMBER() OVER (ORDER BY team) FROM sc GROUP BY team",
                rows(row("blue", 3, 1), row("green", 1, 2), row("red", 4, 3)));
    }

    @Test
    void windowFunctionInWhereIs42P20() {
        assertFails(db.recall, "42P20", "SELECT id FROM sc WHERE ROW_NUMBER() OVER (ORDER BY id) = 1");
    }

    @Test
    void frameClausesNamedWindowsAndOtherFunctionsAre0A000() {
        assertFails(db.recall, "0A000", "SELECT SUM(pts) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"
                + " FROM sc");
        assertFails(db.recall, "0A000",
                "SELECT SUM(pts) OVER (ORDER BY id RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM sc");
        assertFails(db.recall, "0A000", "SELECT MIN(pts) OVER w FROM sc WINDOW w AS (ORDER BY id)");
        assertFails(db.recall, "0A000", "SELECT NTILE(2) OVER (ORDER BY id) FROM sc");
        assertFails(db.recall, "0A000", "SELECT SUM(DISTINCT pts) OVER (PARTITION BY team) FROM sc");
    }
}
