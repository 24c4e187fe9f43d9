package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.SQLException;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.scalar;
import static io.recall.harness.SameAsH2.row;
import static io.recall.harness.SameAsH2.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Proves aggregates, GROUP BY, HAVING and SELECT DISTINCT give H2's rows, with SQL's NULL rules: COUNT(x) and the
// other aggregates skip NULLs, aggregates of no rows are NULL (COUNT is 0), and NULLs group together.
class AggregateTest {
    private SameAsH2 db;

    @BeforeEach
    void open() throws SQLException {
        db = SameAsH2.open();
        db.both("CREATE TABLE s (id INT PRIMARY KEY, g VARCHAR(5), x INT, d DECIMAL(6,2), f DOUBLE)",
                "INSERT INTO s VALUES (1, 'a', 2, 1.50, 0.5), (2, 'a', 3, 2.25, 1.5), (3, 'b', NULL, NULL, NULL),"
                        + " (4, NULL, 5, 1.00, 2.0), (5, NULL, NULL, 3.00, NULL), (6, 'b', 4, NULL, 4.0)",
                "CREATE TABLE empty (id INT PRIMARY KEY, x INT)");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void aggregatesOverAllRowsSkipNulls() throws SQLException {
        db.check("SELECT COUNT(*), COUNT(x), COUNT(DISTINCT g), SUM(x), MIN(x), MAX(x) FROM s",
                rows(row(6, 4, 2, 14, 2, 5)));
        db.check("SELECT SUM(d), MIN(d), MAX(f), MIN(g), MAX(g) FROM s", rows(row(7.75, 1, 4, "a", "b")));
        db.check("SELECT COUNT(x) FROM s WHERE g = 'b'", rows(row(1)));
    }

    @Test
    void aggregatesOfNoRowsAreNullExceptCount() throws SQLException {
        db.check("SELECT COUNT(*), COUNT(x), SUM(x), AVG(x), MIN(x), MAX(x) FROM empty",
                rows(row(0, 0, null, null, null, null)));
        db.check("SELECT COUNT(*), SUM(x) FROM s WHERE x > 100", rows(row(0, null)));
        // all inputs NULL counts as no values
        db.check("SELECT SUM(x), MAX(x) FROM s WHERE g = 'b' AND x IS NULL", rows(row(null, null)));
    }

    @Test
    void groupByOverNoRowsReturnsNoGroups() throws SQLException {
        db.check("SELECT COUNT(*) FROM empty GROUP BY x", rows());
        db.check("SELECT g, SUM(x) FROM s WHERE x > 100 GROUP BY g", rows());
    }

    @Test
    void groupByPutsAllNullsInOneGroup() throws SQLException {
        db.check("SELECT g, COUNT(*), SUM(x) FROM s GROUP BY g ORDER BY g",
                rows(row(null, 2, 5), row("a", 2, 5), row("b", 2, 4)));
        db.check("SELECT x % 2, COUNT(*) FROM s GROUP BY x % 2 ORDER BY 1", rows(row(null, 2), row(0, 2), row(1, 2)));
    }

    @Test
    void groupByExpressionsAliasesAndSeveralKeys() throws SQLException {
        db.check("SELECT COALESCE(g, '-') AS k, MAX(x) FROM s GROUP BY COALESCE(g, '-') ORDER BY k",
                rows(row("-", 5), row("a", 3), row("b", 4)));
        db.check("SELECT g AS grp, COUNT(*) AS n FROM s GROUP BY grp ORDER BY grp");
        db.check("SELECT CASE WHEN x > 2 THEN 'hi' ELSE 'lo' END AS band, COUNT(*) FROM s GROUP BY band ORDER BY band",
                rows(row("hi", 3), row("lo", 3)));
        db.check("SELECT g, x % 2 AS p, COUNT(*) FROM s GROUP BY g, x % 2 ORDER BY g, p");
        db.check("SELECT x + 1 FROM s GROUP BY x ORDER BY 1", rows(row(null), row(3), row(4), row(5), row(6)));
        db.check("SELECT UPPER(g), COUNT(*) FROM s GROUP BY UPPER(g) ORDER BY 1");
    }

    // H2 reads GROUP BY 1 as the constant 1, not as the first select item, so this is checked without it
    @Test
    void groupByOrdinalNamesASelectItem() throws SQLException {
        db.checkRecall("SELECT g, COUNT(*) FROM s GROUP BY 1 ORDER BY 1", rows(row(null, 2), row("a", 2), row("b", 2)));
        assertFails(db.recall, "42P10", "SELECT g, COUNT(*) FROM s GROUP BY 3");
    }

    @Test
    void havingFiltersGroups() throws SQLException {
        db.check("SELECT g, COUNT(*) FROM s GROUP BY g HAVING SUM(x) > 4", rows(row(null, 2), row("a", 2)));
        db.check("SELECT g, COUNT(*) FROM s GROUP BY g HAVING g IS NOT NULL", rows(row("a", 2), row("b", 2)));
        db.check("SELECT g FROM s GROUP BY g HAVING MIN(x) IS NULL", rows());
        db.check("SELECT COUNT(*) FROM s HAVING SUM(x) = 14", rows(row(6)));
        db.check("SELECT COUNT(*) FROM s HAVING COUNT(*) > 100", rows());
    }

    @Test
    void orderByAggregatesThatAreNotSelected() throws SQLException {
        db.check("SELECT g, MAX(id) FROM s GROUP BY g ORDER BY MAX(id)", rows(row("a", 2), row(null, 5), row("b", 6)));
        db.check("SELECT g FROM s GROUP BY g ORDER BY SUM(x) DESC NULLS LAST, g LIMIT 1", rows(row(null)));
        db.check("SELECT COUNT(*) FROM s GROUP BY g ORDER BY g", rows(row(2), row(2), row(2)));
    }

    @Test
    void distinctAggregatesCountEachValueOnce() throws SQLException {
        db.both("INSERT INTO s VALUES (7, 'c', 2, NULL, NULL), (8, 'c', 2, NULL, NULL)");
        db.check("SELECT COUNT(DISTINCT x), SUM(DISTINCT x), COUNT(x), SUM(x) FROM s", rows(row(4, 14, 6, 18)));
        db.check("SELECT g, COUNT(DISTINCT x) FROM s GROUP BY g ORDER BY g");
    }

    // H2 2.3 returns AVG of an integer column as DOUBLE; Recall's is an exact DECIMAL (34 significant digits)
    @Test
    void avgOfIntegersIsAnExactDecimal() throws SQLException {
        assertEquals(new BigDecimal("2.5"), scalar(db.recall, "SELECT AVG(x) FROM s WHERE id IN (1, 2)"));
        assertEquals(new BigDecimal("3.666666666666666666666666666666667"),
                scalar(db.recall, "SELECT AVG(x) FROM s WHERE id IN (1, 4, 6)"));
        assertEquals(new BigDecimal("3.5"), scalar(db.recall, "SELECT AVG(x) FROM s"));
    }

    // H2 gives AVG of DECIMAL a scale of 12 (1.937500000000); the value is the same
    @Test
    void avgOfDecimalsIsDecimalAndOfDoublesIsDouble() throws SQLException {
        db.check("SELECT AVG(d) FROM s", rows(row(1.9375)));
        assertEquals(new BigDecimal("1.9375"), scalar(db.recall, "SELECT AVG(d) FROM s"));
        assertEquals(2.0, scalar(db.recall, "SELECT AVG(f) FROM s"));
    }

    @Test
    void sumOfIntegersIsABigint() throws SQLException {
        assertEquals(14L, scalar(db.recall, "SELECT SUM(x) FROM s"));
        assertEquals(6L, scalar(db.recall, "SELECT COUNT(*) FROM s"));
    }

    @Test
    void groupedLeftJoinCountsUnmatchedGroupsAsZero() throws SQLException {
        db.both("CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(10))", "INSERT INTO dept VALUES (1, 'x'), (2,"
                + " 'y')",
                "CREATE TABLE member (id INT PRIMARY KEY, dept_id INT, pay INT)", "INSERT INTO member VALUES (1, 1,"
                        + " 10), (2, 1, 20)");
        db.check("SELECT d.name, COUNT(m.id), SUM(m.pay) FROM dept d LEFT JOIN member m ON m.dept_id = d.id"
                + " GROUP BY d.name ORDER BY d.name", rows(row("x", 2, 30), row("y", 0, null)));
    }

    @Test
    void selectDistinctRemovesDuplicateRows() throws SQLException {
        db.check("SELECT DISTINCT g FROM s", rows(row(null), row("a"), row("b")));
        db.check("SELECT DISTINCT g, x % 2 FROM s ORDER BY 1, 2");
        db.check("SELECT DISTINCT x * 0 AS z FROM s ORDER BY z", rows(row(null), row(0)));
    }

    @Test
    void selectDistinctWithOrderByAndLimit() throws SQLException {
        db.check("SELECT DISTINCT g FROM s ORDER BY g DESC", rows(row("b"), row("a"), row(null)));
        db.check("SELECT DISTINCT g FROM s ORDER BY g DESC LIMIT 2", rows(row("b"), row("a")));
        db.check("SELECT DISTINCT g FROM s ORDER BY g LIMIT 2 OFFSET 1", rows(row("a"), row("b")));
    }

    @Test
    void distinctOrderedByAColumnNotSelectedIs42P10() {
        assertFails(db.recall, "42P10", "SELECT DISTINCT g FROM s ORDER BY x");
    }

    @Test
    void ungroupedColumnIs42803() {
        assertFails(db.recall, "42803", "SELECT g, x FROM s GROUP BY g");
        assertFails(db.recall, "42803", "SELECT x, COUNT(*) FROM s");
        assertFails(db.recall, "42803", "SELECT g FROM s GROUP BY g HAVING x > 1");
        assertFails(db.recall, "42803", "SELECT g FROM s GROUP BY g ORDER BY x");
    }

    @Test
    void aggregatesInWhereOrInsideAggregatesAre42803() {
        assertFails(db.recall, "42803", "SELECT id FROM s WHERE COUNT(*) > 1");
        assertFails(db.recall, "42803", "SELECT MAX(COUNT(*)) FROM s GROUP BY g");
    }

    @Test
    void sumOfTextIs42883() {
        assertFails(db.recall, "42883", "SELECT SUM(g) FROM s");
    }

    @Test
    void groupingSetsDistinctOnAndFilterAre0A000() {
        assertFails(db.recall, "0A000", "SELECT g, COUNT(*) FROM s GROUP BY GROUPING SETS ((g), ())");
        assertFails(db.recall, "0A000", "SELECT DISTINCT ON (g) g, x FROM s");
        assertFails(db.recall, "0A000", "SELECT COUNT(*) FILTER (WHERE x > 2) FROM s");
    }
}
