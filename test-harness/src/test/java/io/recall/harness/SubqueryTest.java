package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.readAll;
import static io.recall.harness.SameAsH2.row;
import static io.recall.harness.SameAsH2.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Proves scalar, IN, EXISTS and quantified subqueries, correlated or not, and derived tables give H2's rows,
// with SQL's NULL rules for IN / NOT IN and 21000 for a scalar subquery that returns two rows.
class SubqueryTest {
    private SameAsH2 db;

    @BeforeEach
    void open() throws SQLException {
        db = SameAsH2.open();
        db.both("CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20), dept_id INT, boss_id INT, salary INT)",
                "INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')",
                "INSERT INTO emp VALUES (1, 'ann', 1, NULL, 100), (2, 'bob', 1, 1, 80), (3, 'cid', 2, 1, 70),"
                        + " (4, 'dan', NULL, 2, 60), (5, 'eve', 2, 3, NULL)");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void scalarSubqueryInSelectList() throws SQLException {
        db.check("SELECT name, (SELECT d.name FROM dept d WHERE d.id = e.dept_id) FROM emp e ORDER BY id",
                rows(row("ann", "eng"), row("bob", "eng"), row("cid", "ops"), row("dan", null), row("eve", "ops")));
        db.check("SELECT name, (SELECT MAX(salary) FROM emp) FROM emp WHERE id < 3 ORDER BY id",
                rows(row("ann", 100), row("bob", 100)));
        db.check("SELECT (SELECT COUNT(*) FROM emp e WHERE e.dept_id = d.id) AS n, name FROM dept d ORDER BY n DESC,"
                + " name",
                rows(row(2, "eng"), row(2, "ops"), row(0, "empty")));
    }

    @Test
    void scalarSubqueryInWhere() throws SQLException {
        db.check("SELECT name FROM emp WHERE salary = (SELECT MAX(salary) FROM emp)", rows(row("ann")));
        db.check("SELECT name FROM emp WHERE salary > (SELECT AVG(salary) FROM emp)", rows(row("ann"), row("bob")));
        db.check("SELECT name FROM emp WHERE salary = (SELECT salary FROM emp WHERE id = 1 UNION SELECT 100)",
                rows(row("ann")));
    }

    @Test
    void scalarSubqueryWithoutRowsIsNull() throws SQLException {
        db.check("SELECT name, (SELECT salary FROM emp WHERE id = 99) FROM emp WHERE id = 1", rows(row("ann", null)));
        db.check("SELECT name FROM emp WHERE salary = (SELECT salary FROM emp WHERE id = 99)", rows());
        db.check("SELECT (SELECT 1 WHERE FALSE) IS NULL", rows(row(true)));
    }

    @Test
    void scalarSubqueryReturningTwoRowsIs21000() {
        assertFails(db.recall, "21000", "SELECT name FROM emp WHERE salary = (SELECT salary FROM emp WHERE dept_id ="
                + " 1)");
        assertFails(db.recall, "21000", "SELECT name, (SELECT id FROM dept) FROM emp");
        assertFails(db.recall, "21000",
                "SELECT name FROM emp WHERE salary = (SELECT salary FROM emp WHERE id = 1 UNION ALL SELECT 100)");
    }

    @Test
    void subqueryValueWithTwoColumnsIs42601() {
        assertFails(db.recall, "42601", "SELECT name FROM emp WHERE dept_id IN (SELECT id, name FROM dept)");
        assertFails(db.recall, "42601", "SELECT (SELECT id, name FROM dept WHERE id = 1)");
    }

    @Test
    void inAndNotInSubqueries() throws SQLException {
        db.check("SELECT name FROM emp WHERE dept_id IN (SELECT id FROM dept WHERE name <> 'eng')",
                rows(row("cid"), row("eve")));
        db.check("SELECT name FROM emp WHERE dept_id NOT IN (SELECT id FROM dept WHERE name = 'eng')",
                rows(row("cid"), row("eve")));
        db.check("SELECT name FROM emp WHERE id IN (SELECT boss_id FROM emp)",
                rows(row("ann"), row("bob"), row("cid")));
    }

    @Test
    void notInWithANullInTheSubqueryReturnsNoRows() throws SQLException {
        db.check("SELECT name FROM emp WHERE id NOT IN (SELECT boss_id FROM emp)", rows());
        db.check("SELECT name FROM emp WHERE id NOT IN (SELECT boss_id FROM emp WHERE boss_id IS NOT NULL)",
                rows(row("dan"), row("eve")));
    }

    @Test
    void inAndNotInAreNullWhenNoMatchAndTheSubqueryHasANull() throws SQLException {
        db.check("SELECT name, id IN (SELECT boss_id FROM emp), id NOT IN (SELECT boss_id FROM emp) FROM emp ORDER BY"
                + " id",
                rows(row("ann", true, false), row("bob", true, false), row("cid", true, false),
                        row("dan", null, null), row("eve", null, null)));
        db.check("SELECT 1 IN (SELECT NULL FROM dept), 5 NOT IN (SELECT CAST(NULL AS INT) FROM dept)",
                rows(row(null, null)));
    }

    @Test
    void inAnEmptySubqueryIsFalseEvenForNull() throws SQLException {
        db.check("SELECT NULL IN (SELECT id FROM dept WHERE id > 10), NULL NOT IN (SELECT id FROM dept WHERE id > 10)",
                rows(row(false, true)));
        db.check("SELECT COUNT(*) FROM emp WHERE dept_id NOT IN (SELECT id FROM dept WHERE id > 10)", rows(row(5)));
    }

    @Test
    void existsAndNotExistsAreCorrelated() throws SQLException {
        db.check("SELECT name FROM dept d WHERE EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id)",
                rows(row("eng"), row("ops")));
        db.check("SELECT name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id)",
                rows(row("empty")));
        db.check("SELECT name, EXISTS (SELECT 1 FROM emp b WHERE b.boss_id = e.id) FROM emp e ORDER BY id",
                rows(row("ann", true), row("bob", true), row("cid", true), row("dan", false), row("eve", false)));
    }

    @Test
    void existsAcceptsASubqueryOfAnyWidth() throws SQLException {
        db.check("SELECT e.name FROM emp e WHERE EXISTS (SELECT * FROM emp b WHERE b.boss_id = e.id AND b.salary > 75)",
                rows(row("ann")));
        db.check("SELECT name FROM dept d WHERE EXISTS (SELECT e.id, e.name FROM emp e WHERE e.dept_id = d.id)",
                rows(row("eng"), row("ops")));
    }

    @Test
    void correlatedSubqueryComparesEachRowWithItsOwnGroup() throws SQLException {
        db.check("SELECT name FROM emp e WHERE salary > (SELECT AVG(salary) FROM emp x WHERE x.dept_id = e.dept_id)",
                rows(row("ann")));
        db.check("SELECT name FROM emp WHERE (SELECT COUNT(*) FROM emp b WHERE b.boss_id = emp.id) >= 2",
                rows(row("ann")));
        db.check("SELECT e.name FROM emp e JOIN dept d ON d.id = e.dept_id"
                + " WHERE e.salary > (SELECT MIN(salary) FROM emp x WHERE x.dept_id = d.id)", rows(row("ann")));
    }

    @Test
    void nestedSubqueriesSeeEveryEnclosingQuery() throws SQLException {
        db.check("SELECT name FROM dept d WHERE EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.id"
                + " AND EXISTS (SELECT 1 FROM emp b WHERE b.salary > e.salary AND b.dept_id = d.id))",
                rows(row("eng")));
        db.check("SELECT d.name, (SELECT MAX(e.salary) FROM emp e WHERE e.dept_id = d.id"
                        + " AND e.salary < (SELECT MAX(x.salary) FROM emp x WHERE x.dept_id = d.id)) FROM dept d ORDER"
                        + " BY d.id",
                rows(row("eng", 80), row("ops", null), row("empty", null)));
    }

    @Test
    void subqueriesInHavingAndOrderBy() throws SQLException {
        db.check("SELECT dept_id, SUM(salary) FROM emp GROUP BY dept_id HAVING SUM(salary) > (SELECT AVG(salary) FROM"
                + " emp)",
                rows(row(1, 180)));
        db.check("SELECT dept_id, COUNT(*) FROM emp e GROUP BY dept_id"
                + " HAVING COUNT(*) >= (SELECT COUNT(*) FROM dept d WHERE d.id = e.dept_id) ORDER BY 1");
        db.check("SELECT name FROM emp ORDER BY (SELECT d.name FROM dept d WHERE d.id = emp.dept_id) NULLS FIRST, name",
                rows(row("dan"), row("ann"), row("bob"), row("cid"), row("eve")));
    }

    @Test
    void derivedTablesInFrom() throws SQLException {
        db.check("SELECT t.dept_id, t.total FROM (SELECT dept_id, SUM(salary) AS total FROM emp GROUP BY dept_id) t"
                + " WHERE t.total > 60 ORDER BY t.dept_id", rows(row(1, 180), row(2, 70)));
        db.check("SELECT * FROM (SELECT * FROM (SELECT id, name FROM emp WHERE id < 4) a WHERE id > 1) b ORDER BY id",
                rows(row(2, "bob"), row(3, "cid")));
        db.check("SELECT * FROM (SELECT COUNT(*) FROM emp) t", rows(row(5)));
        db.check("SELECT q.n FROM (SELECT name AS n, salary AS s FROM emp ORDER BY salary DESC NULLS LAST LIMIT 2) q",
                rows(row("ann"), row("bob")));
    }

    @Test
    void quantifiedComparisonsWithAnyAndAll() throws SQLException {
        db.check("SELECT name FROM emp WHERE salary = ANY (SELECT salary FROM emp WHERE dept_id = 1)",
                rows(row("ann"), row("bob")));
        db.check("SELECT name FROM emp WHERE salary < ANY (SELECT salary FROM emp WHERE dept_id = 1)",
                rows(row("bob"), row("cid"), row("dan")));
        db.check("SELECT name FROM emp WHERE salary > SOME (SELECT salary FROM emp WHERE dept_id = 1)",
                rows(row("ann")));
        db.check("SELECT name FROM emp WHERE salary >= ALL (SELECT salary FROM emp WHERE salary IS NOT NULL)",
                rows(row("ann")));
    }

    @Test
    void allOverAnEmptySetIsTrueAndOverANullIsNeverTrue() throws SQLException {
        db.check("SELECT COUNT(*) FROM emp WHERE salary > ALL (SELECT salary FROM emp WHERE dept_id = 9)",
                rows(row(5)));
        db.check("SELECT name FROM emp WHERE salary >= ALL (SELECT salary FROM emp)", rows());
        db.check("SELECT name FROM emp WHERE salary > ALL (SELECT salary FROM emp WHERE dept_id = 2)", rows());
    }

    @Test
    void preparedSubqueryRunsAgainWithNewParametersAndData() throws SQLException {
        try (PreparedStatement ps = db.recall.prepareStatement(
                "SELECT e.name FROM emp e WHERE e.dept_id IN (SELECT id FROM dept WHERE name = ?) ORDER BY e.id")) {
            ps.setString(1, "eng");
            assertEquals(List.of(List.of("ann"), List.of("bob")), query(ps));
            ps.setString(1, "ops");
            assertEquals(List.of(List.of("cid"), List.of("eve")), query(ps));
            exec(db.recall, "INSERT INTO emp VALUES (6, 'fay', 2, NULL, 1)");
            assertEquals(List.of(List.of("cid"), List.of("eve"), List.of("fay")), query(ps));
        }
    }

    @Test
    void uncorrelatedSubqueryIsReadAgainOnEachExecution() throws SQLException {
        try (PreparedStatement ps = db.recall.prepareStatement("SELECT name FROM emp WHERE salary = (SELECT"
                + " MAX(salary) FROM emp)")) {
            assertEquals(List.of(List.of("ann")), query(ps));
            exec(db.recall, "INSERT INTO emp VALUES (6, 'fay', 2, NULL, 500)");
            assertEquals(List.of(List.of("fay")), query(ps));
        }
    }

    private static List<List<Object>> query(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return readAll(rs);
        }
    }
}
