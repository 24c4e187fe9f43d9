package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.count;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ALTER TABLE ... ADD CONSTRAINT (UNIQUE, CHECK, FOREIGN KEY) and DROP CONSTRAINT through JDBC: existing rows
 * are checked, a violation changes nothing, the constraint is enforced afterwards (also by statements prepared
 * before it), and the other ALTER TABLE forms are refused with 0A000.
 */
class AlterConstraintTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE p (id INT PRIMARY KEY, code VARCHAR(5), name VARCHAR(10))",
                "CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(10), pid INT, pcode VARCHAR(5))",
                "INSERT INTO p VALUES (1, 'a', 'one'), (2, 'b', 'two'), (3, 'c', 'three')");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private static String message(SQLException e) {
        return String.valueOf(e.getMessage());
    }

    private static void assertMentions(SQLException e, String... words) {
        for (String w : words) {
            assertTrue(message(e).contains(w), () -> "expected \"" + w + "\" in: " + message(e));
        }
    }

    @Test
    void uniqueOnAnEmptyAndOnAPopulatedTable() throws SQLException {
        exec(conn, "ALTER TABLE t ADD UNIQUE (a)", "INSERT INTO t (id, a) VALUES (1, 10), (2, NULL), (3, NULL)");
        assertMentions(assertFails(conn, "23505", "INSERT INTO t (id, a) VALUES (4, 10)"), "T_A_KEY");
        exec(conn, "INSERT INTO t (id, a, b) VALUES (4, 11, 'x'), (5, 12, 'x'), (6, 13, NULL), (7, 14, NULL)");
        exec(conn, "ALTER TABLE t ADD CONSTRAINT t_ab UNIQUE (a, b)");
        assertMentions(assertFails(conn, "23505", "UPDATE t SET a = 11 WHERE id = 5"), "T_A_KEY");
        exec(conn, "ALTER TABLE t DROP CONSTRAINT t_a_key", "UPDATE t SET a = 11 WHERE id = 6");
        assertMentions(assertFails(conn, "23505", "UPDATE t SET a = 11 WHERE id = 5"), "T_AB");
        exec(conn, "UPDATE t SET a = 11 WHERE id = 7");
        assertEquals(List.of(4L, 6L, 7L), longs(conn, "SELECT id FROM t WHERE a = 11 ORDER BY id"));
    }

    @Test
    void uniqueOverDuplicatesFailsAndLeavesNothingBehind() throws SQLException {
        exec(conn, "INSERT INTO t (id, a) VALUES (1, 1), (2, 2), (3, 1), (4, NULL), (5, NULL)");
        assertMentions(assertFails(conn, "23505", "ALTER TABLE t ADD CONSTRAINT t_a_uq UNIQUE (a)"), "T_A_UQ");
        assertFails(conn, "42704", "ALTER TABLE t DROP CONSTRAINT t_a_uq");
        exec(conn, "INSERT INTO t (id, a) VALUES (6, 2)", "CREATE INDEX t_a_uq ON t (b)", "DROP INDEX t_a_uq");
        exec(conn, "DELETE FROM t WHERE id IN (3, 6)", "ALTER TABLE t ADD CONSTRAINT t_a_uq UNIQUE (a)");
        assertFails(conn, "23505", "INSERT INTO t (id, a) VALUES (7, 1)");
        // the values the failed attempt claimed are not held: moving them around works
        exec(conn, "UPDATE t SET a = 3 WHERE id = 1", "INSERT INTO t (id, a) VALUES (7, 1)");
        assertEquals(5, count(conn, "SELECT * FROM t"));
    }

    @Test
    void checkOnAnEmptyAndOnAPopulatedTable() throws SQLException {
        exec(conn, "ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0)");
        assertMentions(assertFails(conn, "23514", "INSERT INTO t (id, a) VALUES (1, 0)"), "A_POSITIVE");
        exec(conn, "INSERT INTO t (id, a, b) VALUES (1, 5, 'x'), (2, NULL, 'y'), (3, 7, NULL)");
        // NULL is not FALSE: row 2 and row 3 pass
        exec(conn, "ALTER TABLE t ADD CONSTRAINT \"b short\" CHECK (CHAR_LENGTH(b) < 2 AND a < 100)");
        assertMentions(assertFails(conn, "23514", "UPDATE t SET b = 'long' WHERE id = 1"), "b short");
        assertFails(conn, "23514", "UPDATE t SET a = -1 WHERE id = 2");
        exec(conn, "UPDATE t SET a = 50 WHERE id = 2");
        assertEquals(List.of(5L, 50L, 7L), longs(conn, "SELECT a FROM t ORDER BY id"));
    }

    @Test
    void checkViolatedByAnExistingRowChangesNothing() throws SQLException {
        exec(conn, "INSERT INTO t (id, a) VALUES (1, 5), (2, -1), (3, NULL)");
        assertMentions(assertFails(conn, "23514", "ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0)"),
                "A_POSITIVE", "PUBLIC.T");
        exec(conn, "INSERT INTO t (id, a) VALUES (4, -2)");
        assertFails(conn, "42704", "ALTER TABLE t DROP CONSTRAINT a_positive");
        exec(conn, "DELETE FROM t WHERE a < 0", "ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0)");
        assertFails(conn, "23514", "INSERT INTO t (id, a) VALUES (4, -2)");
    }

    @Test
    void foreignKeyOnAnEmptyAndOnAPopulatedTable() throws SQLException {
        exec(conn, "ALTER TABLE t ADD FOREIGN KEY (pid) REFERENCES p");
        assertMentions(assertFails(conn, "23503", "INSERT INTO t (id, pid) VALUES (1, 9)"), "T_PID_FKEY");
        exec(conn, "INSERT INTO t (id, pid, pcode) VALUES (1, 1, 'a'), (2, 2, 'b'), (3, NULL, 'zz')",
                "ALTER TABLE p ADD CONSTRAINT p_code UNIQUE (code)");
        // a parent found through a UNIQUE constraint: row 3 has none
        assertMentions(assertFails(conn, "23503", "ALTER TABLE t ADD FOREIGN KEY (pcode) REFERENCES p (code)"),
                "T_PCODE_FKEY", "(PCODE)=(zz)");
        assertFails(conn, "42830", "ALTER TABLE t ADD FOREIGN KEY (pcode) REFERENCES p (name)");
        exec(conn, "DELETE FROM t WHERE id = 3",
                "ALTER TABLE t ADD CONSTRAINT t_code FOREIGN KEY (pcode) REFERENCES p (code) ON UPDATE CASCADE");
        // the parent side is enforced too
        assertMentions(assertFails(conn, "23503", "DELETE FROM p WHERE id = 2"), "PUBLIC.T");
        exec(conn, "UPDATE p SET code = 'q' WHERE id = 1");
        assertEquals(List.of("q", "b"), Db.strings(conn, "SELECT pcode FROM t ORDER BY id"));
        exec(conn, "ALTER TABLE t DROP CONSTRAINT t_pid_fkey", "ALTER TABLE t DROP CONSTRAINT t_code",
                "DELETE FROM p WHERE id = 2", "INSERT INTO t (id, pid, pcode) VALUES (5, 9, 'zz')");
        assertEquals(List.of(1L, 2L, 5L), longs(conn, "SELECT id FROM t ORDER BY id"));
    }

    @Test
    void foreignKeyWithAnOrphanChangesNothing() throws SQLException {
        exec(conn, "INSERT INTO t (id, pid) VALUES (1, 1), (2, NULL), (3, 7)");
        assertMentions(assertFails(conn, "23503", "ALTER TABLE t ADD CONSTRAINT t_p FOREIGN KEY (pid) REFERENCES p (id)"),
                "T_P", "(PID)=(7)", "PUBLIC.P");
        exec(conn, "INSERT INTO t (id, pid) VALUES (4, 8)", "DELETE FROM p WHERE id = 1");
        assertEquals(0, importedKeys("T").size());
        exec(conn, "INSERT INTO p VALUES (1, 'a', 'one'), (7, 'g', 'seven'), (8, 'h', 'eight')",
                "ALTER TABLE t ADD CONSTRAINT t_p FOREIGN KEY (pid) REFERENCES p (id)");
        assertFails(conn, "23503", "DELETE FROM p WHERE id = 7");
    }

    @Test
    void selfReferencingForeignKey() throws SQLException {
        exec(conn, "CREATE TABLE tree (id INT PRIMARY KEY, parent INT)",
                "INSERT INTO tree VALUES (1, NULL), (2, 1), (3, 2), (4, 9)");
        assertFails(conn, "23503", "ALTER TABLE tree ADD FOREIGN KEY (parent) REFERENCES tree ON DELETE CASCADE");
        exec(conn, "UPDATE tree SET parent = 3 WHERE id = 4",
                "ALTER TABLE tree ADD FOREIGN KEY (parent) REFERENCES tree ON DELETE CASCADE",
                "DELETE FROM tree WHERE id = 2");
        assertEquals(List.of(1L), longs(conn, "SELECT id FROM tree"));
        assertFails(conn, "23503", "INSERT INTO tree VALUES (5, 6)");
    }

    @Test
    void statementsPreparedBeforeTheChangeFollowIt() throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("INSERT INTO t (id, a, pid) VALUES (?, ?, ?)")) {
            insert.setInt(1, 1);
            insert.setInt(2, 1);
            insert.setInt(3, 1);
            insert.executeUpdate();
            exec(conn, "ALTER TABLE t ADD CONSTRAINT a_small CHECK (a < 10)", "ALTER TABLE t ADD UNIQUE (a)",
                    "ALTER TABLE t ADD FOREIGN KEY (pid) REFERENCES p");
            insert.setInt(1, 2);
            insert.setInt(2, 10);
            assertEquals("23514", assertThrowsSql(insert::executeUpdate).getSQLState());
            insert.setInt(2, 1);
            assertEquals("23505", assertThrowsSql(insert::executeUpdate).getSQLState());
            insert.setInt(2, 2);
            insert.setInt(3, 9);
            assertEquals("23503", assertThrowsSql(insert::executeUpdate).getSQLState());
            exec(conn, "ALTER TABLE t DROP CONSTRAINT a_small", "ALTER TABLE t DROP CONSTRAINT t_a_key",
                    "ALTER TABLE t DROP CONSTRAINT t_pid_fkey");
            insert.setInt(2, 1);
            assertEquals(1, insert.executeUpdate());
        }
        assertEquals(List.of(1L, 1L), longs(conn, "SELECT a FROM t"));
    }

    private static SQLException assertThrowsSql(org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, call);
    }

    @Test
    void dropConstraintRemovesEachKindOfRule() throws SQLException {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT, v INT, CONSTRAINT c_p FOREIGN KEY (pid) REFERENCES p, "
                + "CONSTRAINT v_pos CHECK (v > 0), CONSTRAINT v_uq UNIQUE (v))", "INSERT INTO c VALUES (1, 1, 1)");
        exec(conn, "ALTER TABLE c DROP CONSTRAINT v_pos", "INSERT INTO c VALUES (2, 1, -1)");
        exec(conn, "ALTER TABLE c DROP CONSTRAINT v_uq RESTRICT", "INSERT INTO c VALUES (3, 1, -1)");
        exec(conn, "ALTER TABLE c DROP CONSTRAINT c_p", "INSERT INTO c VALUES (4, 99, 5)", "DELETE FROM p WHERE id = 1");
        assertEquals(4, count(conn, "SELECT * FROM c"));
        for (String name : new String[]{"v_pos", "v_uq", "c_p"}) {
            assertFails(conn, "42704", "ALTER TABLE c DROP CONSTRAINT " + name);
        }
    }

    @Test
    void ifExistsForms() throws SQLException {
        exec(conn, "ALTER TABLE IF EXISTS nope ADD UNIQUE (a)",
                "ALTER TABLE IF EXISTS nope ADD CONSTRAINT c CHECK (a > 0)",
                "ALTER TABLE IF EXISTS nope ADD FOREIGN KEY (pid) REFERENCES p",
                "ALTER TABLE IF EXISTS nope DROP CONSTRAINT c",
                "ALTER TABLE t DROP CONSTRAINT IF EXISTS nothing_here",
                "ALTER TABLE IF EXISTS t ADD CONSTRAINT a_pos CHECK (a > 0)");
        assertFails(conn, "23514", "INSERT INTO t (id, a) VALUES (1, 0)");
        exec(conn, "ALTER TABLE IF EXISTS t DROP CONSTRAINT IF EXISTS a_pos", "INSERT INTO t (id, a) VALUES (1, 0)");
        assertFails(conn, "42P01", "ALTER TABLE nope ADD UNIQUE (a)");
        assertFails(conn, "42P01", "ALTER TABLE nope DROP CONSTRAINT c");
        assertFails(conn, "3F000", "ALTER TABLE nos.t ADD UNIQUE (a)");
        assertFails(conn, "42704", "ALTER TABLE t DROP CONSTRAINT nothing_here");
        exec(conn, "CREATE VIEW v AS SELECT * FROM t");
        assertFails(conn, "42809", "ALTER TABLE v ADD UNIQUE (a)");
        assertFails(conn, "42809", "ALTER TABLE IF EXISTS v DROP CONSTRAINT c");
    }

    @Test
    void droppingAUniqueConstraintAForeignKeyReliesOnNeedsCascade() throws SQLException {
        exec(conn, "ALTER TABLE p ADD CONSTRAINT p_code UNIQUE (code)",
                "ALTER TABLE t ADD CONSTRAINT t_code FOREIGN KEY (pcode) REFERENCES p (code)",
                "ALTER TABLE t ADD CONSTRAINT t_pid FOREIGN KEY (pid) REFERENCES p",
                "CREATE TABLE t2 (id INT PRIMARY KEY, code VARCHAR(5), "
                        + "CONSTRAINT t2_code FOREIGN KEY (code) REFERENCES p (code))",
                "INSERT INTO t (id, pid, pcode) VALUES (1, 1, 'a')");
        assertMentions(assertFails(conn, "2BP01", "ALTER TABLE p DROP CONSTRAINT p_code"), "P_CODE", "relies on it");
        assertFails(conn, "2BP01", "ALTER TABLE p DROP CONSTRAINT p_code RESTRICT");
        assertFails(conn, "2BP01", "DROP INDEX p_code");
        assertEquals(List.of("T_CODE", "T_PID"), importedKeys("T"));
        exec(conn, "ALTER TABLE p DROP CONSTRAINT p_code CASCADE");
        assertEquals(List.of("T_PID"), importedKeys("T"));
        assertEquals(List.of(), importedKeys("T2"));
        exec(conn, "INSERT INTO t (id, pid, pcode) VALUES (2, 1, 'zz')", "INSERT INTO t2 VALUES (1, 'zz')",
                "INSERT INTO p VALUES (4, 'a', 'dup')");
        assertFails(conn, "23503", "INSERT INTO t (id, pid) VALUES (3, 9)");
        // a second UNIQUE constraint on the same columns keeps the foreign key's key when the first goes
        exec(conn, "DELETE FROM p WHERE id = 4", "ALTER TABLE p ADD CONSTRAINT k1 UNIQUE (code)",
                "ALTER TABLE p ADD CONSTRAINT k2 UNIQUE (code)", "DELETE FROM t WHERE id = 2",
                "ALTER TABLE t ADD CONSTRAINT t_code FOREIGN KEY (pcode) REFERENCES p (code)",
                "ALTER TABLE p DROP CONSTRAINT k1");
        assertFails(conn, "2BP01", "ALTER TABLE p DROP CONSTRAINT k2");
        assertFails(conn, "23503", "INSERT INTO t (id, pcode) VALUES (5, 'zz')");
    }

    @Test
    void namesAreUniquePerTableAndGeneratedAsInPostgreSql() throws SQLException {
        exec(conn, "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0)");
        assertFails(conn, "42710", "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 1)");
        assertFails(conn, "42710", "ALTER TABLE t ADD CONSTRAINT k UNIQUE (b)");
        assertFails(conn, "42710", "ALTER TABLE t ADD CONSTRAINT k FOREIGN KEY (pid) REFERENCES p");
        // the name of another table's constraint is free; an index name is taken schema-wide
        exec(conn, "ALTER TABLE p ADD CONSTRAINT k CHECK (id > 0)", "CREATE INDEX t_b ON t (b)");
        assertFails(conn, "42P07", "ALTER TABLE p ADD CONSTRAINT t_b UNIQUE (name)");
        exec(conn, "ALTER TABLE t ADD CONSTRAINT t_b CHECK (b <> '')",
                "CREATE INDEX t_a_key ON p (name)", "ALTER TABLE t ADD UNIQUE (a)", "ALTER TABLE t ADD UNIQUE (a)",
                "ALTER TABLE t ADD FOREIGN KEY (pid) REFERENCES p", "ALTER TABLE t ADD FOREIGN KEY (pid) REFERENCES p");
        assertFails(conn, "23505", "INSERT INTO t (id, a) VALUES (1, 1), (2, 1)");
        for (String name : new String[]{"T_A_KEY1", "T_A_KEY2", "T_PID_FKEY", "T_PID_FKEY1", "K", "T_B"}) {
            exec(conn, "ALTER TABLE t DROP CONSTRAINT " + name);
        }
        assertEquals(List.of(), importedKeys("T"));
        exec(conn, "INSERT INTO t (id, a, b, pid) VALUES (1, 1, '', 9), (2, 1, '', 9)");
    }

    @Test
    void definitionErrors() throws SQLException {
        assertFails(conn, "42703", "ALTER TABLE t ADD UNIQUE (nope)");
        assertFails(conn, "42701", "ALTER TABLE t ADD UNIQUE (a, a)");
        assertFails(conn, "42703", "ALTER TABLE t ADD CONSTRAINT c CHECK (nope > 0)");
        assertFails(conn, "42703", "ALTER TABLE t ADD FOREIGN KEY (nope) REFERENCES p");
        assertFails(conn, "42703", "ALTER TABLE t ADD FOREIGN KEY (pid) REFERENCES p (nope)");
        assertFails(conn, "42P01", "ALTER TABLE t ADD FOREIGN KEY (pid) REFERENCES nope (id)");
        assertFails(conn, "42830", "ALTER TABLE t ADD FOREIGN KEY (b) REFERENCES p (name)");
        assertFails(conn, "42830", "ALTER TABLE t ADD FOREIGN KEY (pid, a) REFERENCES p");
        assertFails(conn, "42804", "ALTER TABLE t ADD FOREIGN KEY (b) REFERENCES p (id)");
        assertFails(conn, "0A000", "ALTER TABLE t ADD CONSTRAINT c CHECK (a > (SELECT MAX(id) FROM p))");
        assertFails(conn, "42803", "ALTER TABLE t ADD CONSTRAINT c CHECK (SUM(a) > 0)");
        assertFails(conn, "42P16", "ALTER TABLE t ADD CONSTRAINT c CHECK (a > ?)");
        assertEquals(List.of(), importedKeys("T"));
        exec(conn, "INSERT INTO t (id, a, b, pid) VALUES (1, 1, 'x', 9), (2, 1, 'x', 9)");
    }

    @Test
    void otherAlterTableFormsAreRefusedByName() throws SQLException {
        String[][] refused = {
                {"ALTER TABLE t ADD COLUMN c INT, ADD COLUMN d INT", "several actions"},
                {"ALTER TABLE t ADD INDEX (a)", "ADD INDEX"},
                {"ALTER TABLE t MODIFY COLUMN a BIGINT", "MODIFY COLUMN"},
                {"ALTER TABLE t ALTER COLUMN a BIGINT NOT NULL", "options beside its new type"},
                {"ALTER TABLE t DROP CONSTRAINT a, DROP CONSTRAINT b", "several actions"},
                {"ALTER TABLE t ADD CONSTRAINT u UNIQUE (a) DEFERRABLE", "DEFERRABLE"},
                {"ALTER TABLE t ADD CONSTRAINT u UNIQUE (a) USING INDEX TABLESPACE x", "USING"},
                {"ALTER TABLE t ADD CONSTRAINT u UNIQUE (a DESC)", "DESC"},
                {"ALTER TABLE t ADD UNIQUE (a ASC)", "ASC"},
                {"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT ENFORCED", "NOT ENFORCED"},
                {"ALTER TABLE t ADD FOREIGN KEY (pid) REFERENCES p (id) MATCH FULL", "MATCH FULL"},
                {"ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (pid) REFERENCES p (id) ON DELETE CASCADE ENABLE",
                        "ENABLE"},
        };
        for (String[] r : refused) {
            assertMentions(assertFails(conn, "0A000", r[0]), r[1]);
        }
        // JSqlParser cannot read an unnamed CHECK after ADD: a syntax error that says where and what to write
        assertMentions(assertFails(conn, "42601", "ALTER TABLE t ADD CHECK (a > 0)"), "line 1, column 19",
                "ADD CONSTRAINT <name> CHECK");
        assertEquals(0, count(conn, "SELECT * FROM t"));
        exec(conn, "INSERT INTO t (id, a) VALUES (1, -1), (2, -1)");
    }

    @Test
    void ddlCommitsTheOpenTransactionFirst() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO t (id, a) VALUES (1, 1)");
        exec(conn, "ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0)");
        conn.rollback();
        assertEquals(1, count(conn, "SELECT * FROM t"));
        exec(conn, "INSERT INTO t (id, a) VALUES (2, 2)");
        assertFails(conn, "23514", "INSERT INTO t (id, a) VALUES (3, -3)");
        conn.commit();
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM t ORDER BY id"));
    }

    @Test
    void importedKeysFollowAddAndDrop() throws SQLException {
        exec(conn, "ALTER TABLE t ADD CONSTRAINT t_p FOREIGN KEY (pid) REFERENCES p ON DELETE SET NULL");
        DatabaseMetaData md = conn.getMetaData();
        try (ResultSet rs = md.getImportedKeys(null, "PUBLIC", "T")) {
            List<List<Object>> rows = Db.readAll(rs);
            assertEquals(1, rows.size());
            List<Object> r = rows.get(0);
            assertEquals(List.of("P", "ID", "T", "PID", "T_P", DatabaseMetaData.importedKeySetNull),
                    List.of(r.get(2), r.get(3), r.get(6), r.get(7), r.get(11), ((Number) r.get(10)).intValue()));
        }
        exec(conn, "ALTER TABLE t DROP CONSTRAINT t_p");
        assertEquals(List.of(), importedKeys("T"));
    }

    /** The names of the foreign keys of a table, by name, as JDBC metadata reports them. */
    private List<String> importedKeys(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = conn.getMetaData().getImportedKeys(null, "PUBLIC", table)) {
            while (rs.next()) {
                if (!names.contains(rs.getString("FK_NAME"))) {
                    names.add(rs.getString("FK_NAME"));
                }
            }
        }
        names.sort(null);
        return names;
    }
}
