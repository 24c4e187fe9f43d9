package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves EXPLAIN returns one PLAN column naming each table's access path (primary key lookup or scan) and each
// join's algorithm (primary key lookup join, hash join, nested loop join), without running the query.
class ExplainTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE dept (id INT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20), dept_id INT, salary INT)",
                "CREATE TABLE tag (emp_name VARCHAR(20), label VARCHAR(10))",
                "CREATE TABLE pair (a INT, b INT, note VARCHAR(5), PRIMARY KEY (a, b))",
                "INSERT INTO dept VALUES (1, 'eng'), (2, 'ops')",
                "INSERT INTO emp VALUES (1, 'ann', 1, 100), (2, 'bob', 2, 80)",
                "INSERT INTO tag VALUES ('ann', 'x')");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private String plan(String query) throws SQLException {
        return Db.plan(conn, query);
    }

    private void assertPlanHas(String query, String... parts) throws SQLException {
        Db.assertPlanHas(conn, query, parts);
    }

    @Test
    void explainReturnsRowsOfOneColumnNamedPlan() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN SELECT * FROM emp")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(1, md.getColumnCount());
            assertEquals("PLAN", md.getColumnLabel(1));
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            assertTrue(lines.size() >= 1, () -> "plan: " + lines);
        }
    }

    @Test
    void primaryKeyEqualityIsALookup() throws SQLException {
        assertPlanHas("SELECT * FROM emp WHERE id = 1", "table PUBLIC.EMP (ram_copies): primary key lookup");
        assertPlanHas("SELECT name FROM emp WHERE 2 = id AND salary > 0", "table PUBLIC.EMP (ram_copies): primary key lookup");
        assertPlanHas("SELECT * FROM pair WHERE a = 1 AND b = 2", "table PUBLIC.PAIR (ram_copies): primary key lookup");
    }

    @Test
    void conditionsThatDoNotPinTheKeyScan() throws SQLException {
        assertPlanHas("SELECT * FROM emp WHERE salary > 1", "table PUBLIC.EMP (ram_copies): scan");
        assertPlanHas("SELECT * FROM emp", "table PUBLIC.EMP (ram_copies): scan");
        // a composite key needs every key column
        assertPlanHas("SELECT * FROM pair WHERE a = 1", "table PUBLIC.PAIR (ram_copies): scan");
    }

    @Test
    void joinOnTheOtherTablesPrimaryKeyIsAPrimaryKeyLookupJoin() throws SQLException {
        assertPlanHas("SELECT e.name, d.name FROM emp e JOIN dept d ON d.id = e.dept_id",
                "primary key lookup join (inner) into PUBLIC.DEPT", "table PUBLIC.EMP (ram_copies): scan");
        assertPlanHas("SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON d.id = e.dept_id",
                "primary key lookup join (left) into PUBLIC.DEPT");
        assertPlanHas("SELECT e.name FROM emp e, dept d WHERE d.id = e.dept_id AND e.id = 2",
                "table PUBLIC.EMP (ram_copies): primary key lookup", "primary key lookup join (inner) into PUBLIC.DEPT");
    }

    @Test
    void equalityOnColumnsWithoutAKeyIsAHashJoin() throws SQLException {
        assertPlanHas("SELECT e.name, t.label FROM emp e JOIN tag t ON t.emp_name = e.name", "hash join (inner)",
                "table PUBLIC.EMP (ram_copies): scan", "table PUBLIC.TAG (ram_copies): scan");
        assertPlanHas("SELECT e.name, t.label FROM emp e LEFT JOIN tag t ON t.emp_name = e.name", "hash join (left)");
    }

    @Test
    void joinWithoutAnEqualityIsANestedLoopJoin() throws SQLException {
        assertPlanHas("SELECT e.name, t.label FROM emp e JOIN tag t ON t.emp_name > e.name", "nested loop join");
        assertPlanHas("SELECT * FROM emp CROSS JOIN dept", "nested loop join");
    }

    @Test
    void commaJoinChainWithKeyConditionsUsesOnlyKeyLookups() throws SQLException {
        StringJoiner from = new StringJoiner(", ");
        StringJoiner where = new StringJoiner(" AND ");
        for (int i = 0; i < 12; i++) {
            exec(conn, "CREATE TABLE c" + i + " (id INT PRIMARY KEY, nxt INT)");
            from.add("c" + i);
            if (i < 11) {
                where.add("c" + i + ".nxt = c" + (i + 1) + ".id");
            }
        }
        String plan = plan("SELECT COUNT(*) FROM " + from + " WHERE " + where);
        assertEquals(11, plan.split("primary key lookup join", -1).length - 1, plan);
        assertFalse(plan.contains("nested loop"), plan);
    }

    @Test
    void explainDoesNotRunTheQuery() throws SQLException {
        // run, this fails with 21000 (two rows where one value is expected)
        assertFails(conn, "21000", "SELECT (SELECT id FROM dept) FROM emp");
        assertPlanHas("SELECT (SELECT id FROM dept) FROM emp", "table PUBLIC.EMP (ram_copies): scan");
    }

    @Test
    void explainOfAnythingButAQueryIs0A000() {
        assertFails(conn, "0A000", "EXPLAIN INSERT INTO dept VALUES (3, 'x')");
        assertFails(conn, "0A000", "EXPLAIN DELETE FROM dept");
    }
}
