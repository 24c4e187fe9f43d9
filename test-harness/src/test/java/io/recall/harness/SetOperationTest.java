package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertValuesHaveColumnClasses;
import static io.recall.harness.SameAsH2.row;
import static io.recall.harness.SameAsH2.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

// Proves UNION, INTERSECT and EXCEPT (with and without ALL) give H2's rows: duplicates and NULLs count as equal,
// INTERSECT binds tighter than UNION, and ORDER BY / LIMIT after the last query apply to the whole result.
class SetOperationTest {
    private SameAsH2 db;

    @BeforeEach
    void open() throws SQLException {
        db = SameAsH2.open();
        db.both("CREATE TABLE a (x INT, y VARCHAR(5))",
                "CREATE TABLE b (x INT, y VARCHAR(5))",
                "INSERT INTO a VALUES (1, 'p'), (2, 'q'), (2, 'q'), (3, 'r'), (NULL, 'n'), (NULL, 'n')",
                "INSERT INTO b VALUES (2, 'q'), (3, 's'), (4, 't'), (NULL, 'n')");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void unionRemovesDuplicatesIncludingNulls() throws SQLException {
        db.check("SELECT x, y FROM a UNION SELECT x, y FROM b",
                rows(row(null, "n"), row(1, "p"), row(2, "q"), row(3, "r"), row(3, "s"), row(4, "t")));
    }

    @Test
    void unionAllKeepsEveryRow() throws SQLException {
        db.check("SELECT x FROM a UNION ALL SELECT x FROM b",
                rows(row(null), row(null), row(null), row(1), row(2), row(2), row(2), row(3), row(3), row(4)));
    }

    @Test
    void intersectAndExceptTreatNullsAsEqual() throws SQLException {
        db.check("SELECT x, y FROM a INTERSECT SELECT x, y FROM b", rows(row(null, "n"), row(2, "q")));
        db.check("SELECT x, y FROM a EXCEPT SELECT x, y FROM b", rows(row(1, "p"), row(3, "r")));
        db.check("SELECT x FROM b EXCEPT SELECT x FROM a", rows(row(4)));
    }

    // H2 2.3 does not accept INTERSECT ALL / EXCEPT ALL, so these compare with rows written here only
    @Test
    void intersectAllAndExceptAllKeepMultiplicities() throws SQLException {
        db.both("INSERT INTO b VALUES (2, 'q'), (2, 'q')");
        db.checkRecall("SELECT x, y FROM a INTERSECT ALL SELECT x, y FROM b",
                rows(row(null, "n"), row(2, "q"), row(2, "q")));
        db.checkRecall("SELECT x, y FROM a EXCEPT ALL SELECT x, y FROM b",
                rows(row(null, "n"), row(1, "p"), row(3, "r")));
        db.checkRecall("SELECT x, y FROM b EXCEPT ALL SELECT x, y FROM a", rows(row(2, "q"), row(3, "s"), row(4, "t")));
    }

    @Test
    void orderByAndLimitApplyToTheWholeResult() throws SQLException {
        db.check("SELECT x FROM a UNION SELECT x FROM b ORDER BY x DESC LIMIT 2", rows(row(4), row(3)));
        db.check("SELECT x FROM a UNION ALL SELECT x FROM b ORDER BY 1 LIMIT 3 OFFSET 2",
                rows(row(null), row(1), row(2)));
        db.check("SELECT x, y FROM a UNION SELECT x, y FROM b ORDER BY y DESC, x", rows(row(4, "t"), row(3, "s"),
                row(3, "r"), row(2, "q"), row(1, "p"), row(null, "n")));
    }

    @Test
    void parenthesizedQueriesKeepTheirOwnOrderAndLimit() throws SQLException {
        db.check("(SELECT x FROM a ORDER BY x LIMIT 1) UNION ALL (SELECT x FROM b ORDER BY x DESC LIMIT 1)",
                rows(row(null), row(4)));
    }

    @Test
    void orderByNamesTheFirstQuerysColumns() throws SQLException {
        db.check("SELECT x AS k FROM a UNION SELECT x FROM b ORDER BY k",
                rows(row(null), row(1), row(2), row(3), row(4)));
    }

    @Test
    void intersectBindsTighterThanUnionAndExcept() throws SQLException {
        db.check("SELECT x FROM a UNION ALL SELECT x FROM b INTERSECT SELECT x FROM a ORDER BY x",
                rows(row(null), row(null), row(null), row(1), row(2), row(2), row(2), row(3), row(3)));
        db.check("SELECT x FROM a EXCEPT SELECT x FROM b UNION SELECT 7 ORDER BY x", rows(row(1), row(7)));
        db.check("SELECT x FROM a UNION SELECT x FROM b UNION SELECT 10 ORDER BY x DESC NULLS LAST",
                rows(row(10), row(4), row(3), row(2), row(1), row(null)));
    }

    @Test
    void setOperationsInsideSubqueriesAndDerivedTables() throws SQLException {
        db.check("SELECT COUNT(*) FROM (SELECT x FROM a UNION SELECT x FROM b) t", rows(row(5)));
        db.check("SELECT y FROM a WHERE x IN (SELECT x FROM b INTERSECT SELECT 3)", rows(row("r")));
        db.check("SELECT t.x FROM (SELECT x FROM a UNION ALL SELECT x FROM b) t GROUP BY t.x HAVING COUNT(*) > 1",
                rows(row(null), row(2), row(3)));
    }

    @Test
    void differentColumnCountsAre42601() {
        assertFails(db.recall, "42601", "SELECT x FROM a UNION SELECT x, y FROM b");
        assertFails(db.recall, "42601", "SELECT x, y FROM a INTERSECT SELECT x FROM b");
    }

    @Test
    void orderByAColumnOutsideTheResultIs42703() {
        assertFails(db.recall, "42703", "SELECT y FROM a UNION SELECT y FROM b ORDER BY x");
    }

    @Test
    void valuesTakeTheCommonColumnType() throws SQLException {
        for (String sql : List.of("SELECT 1 UNION SELECT 2.5", "SELECT x FROM a UNION ALL SELECT CAST(x AS BIGINT)"
                + " FROM b",
                "SELECT x FROM a INTERSECT SELECT CAST(x AS BIGINT) FROM b",
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 0.5 FROM c WHERE n < 3) SELECT n FROM c",
                "VALUES (1), (2.5)")) {
            assertValuesHaveColumnClasses(db.recall, sql);
        }
    }

    @Test
    void unionOfIntegerAndTextIsRefused() {
        assertThrows(SQLException.class, () -> Db.rows(db.recall, "SELECT x FROM a UNION SELECT y FROM b"));
    }
}
