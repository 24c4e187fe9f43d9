package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.count;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.SameAsH2.row;
import static io.recall.harness.SameAsH2.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FOREIGN KEY constraints through JDBC: checks, every action on delete and update, DDL rules, atomicity, a race. */
class ForeignKeyTest {
    private String url;
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        exec(conn, "CREATE TABLE p (id INT PRIMARY KEY, code VARCHAR(5) UNIQUE, name VARCHAR(10))",
                "INSERT INTO p VALUES (1, 'a', 'one'), (2, 'b', 'two'), (3, 'c', 'three')");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void childNeedsParentAndNullKeysAreNotChecked() throws SQLException {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT REFERENCES p)");
        exec(conn, "INSERT INTO c VALUES (10, 1), (11, NULL), (12, 1)");
        SQLException e = assertFails(conn, "23503", "INSERT INTO c VALUES (13, 9)");
        assertTrue(e.getMessage().contains("C_PID_FKEY") && e.getMessage().contains("PUBLIC.P"), e.getMessage());
        assertFails(conn, "23503", "UPDATE c SET pid = 7 WHERE id = 11");
        assertFails(conn, "23503", "INSERT INTO c VALUES (14, 2), (15, 8)");
        assertEquals(3, count(conn, "SELECT * FROM c"));
        exec(conn, "UPDATE c SET pid = 2 WHERE id = 11", "UPDATE c SET pid = NULL WHERE id = 12");
        // a referenced value given as another numeric type still finds its parent
        exec(conn, "INSERT INTO c VALUES (16, 3.0)");
        assertFails(conn, "23503", "INSERT INTO c VALUES (17, 3.5)");
    }

    @Test
    void noActionAndRestrictRefuseToOrphan() throws SQLException {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT REFERENCES p (id))",
                "CREATE TABLE r (id INT PRIMARY KEY, pid INT, FOREIGN KEY (pid) REFERENCES p (id) "
                        + "ON DELETE RESTRICT ON UPDATE RESTRICT)",
                "INSERT INTO c VALUES (10, 1)", "INSERT INTO r VALUES (20, 2)");
        SQLException e = assertFails(conn, "23503", "DELETE FROM p WHERE id = 1");
        assertTrue(e.getMessage().contains("C_PID_FKEY") && e.getMessage().contains("PUBLIC.C"), e.getMessage());
        assertFails(conn, "23503", "UPDATE p SET id = 100 WHERE id = 1");
        assertFails(conn, "23503", "DELETE FROM p WHERE id = 2");
        assertFails(conn, "23503", "UPDATE p SET id = 200 WHERE id = 2");
        assertFails(conn, "23503", "DELETE FROM p");
        exec(conn, "UPDATE p SET name = 'x'", "UPDATE p SET id = id WHERE id = 1", "DELETE FROM p WHERE id = 3");
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM p ORDER BY id"));
        exec(conn, "DELETE FROM c", "DELETE FROM r", "DELETE FROM p");
        assertEquals(0, count(conn, "SELECT * FROM p"));
    }

    @Test
    void noActionIsCheckedAtTheEndOfTheStatement() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, parent INT REFERENCES t (id))");
        // child before its parent in one statement, as PostgreSQL allows
        exec(conn, "INSERT INTO t VALUES (2, 1), (1, NULL), (3, 2)");
        assertFails(conn, "23503", "INSERT INTO t VALUES (5, 4), (6, 5)");
        assertFails(conn, "23503", "DELETE FROM t WHERE id = 2");
        exec(conn, "DELETE FROM t");
        assertEquals(0, count(conn, "SELECT * FROM t"));
    }

    @Test
    void cascadeDeletesAndUpdatesRecursively() throws SQLException {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT REFERENCES p ON DELETE CASCADE ON UPDATE CASCADE)",
                "CREATE TABLE g (id INT PRIMARY KEY, cid INT, FOREIGN KEY (cid) REFERENCES c (id) "
                        + "ON DELETE CASCADE ON UPDATE CASCADE)",
                "INSERT INTO c VALUES (10, 1), (11, 1), (12, 2)", "INSERT INTO g VALUES (100, 10), (101, 11), (102, 12)");
        assertEquals(1, Db.update(conn, "DELETE FROM p WHERE id = 1"));
        assertEquals(List.of(12L), longs(conn, "SELECT id FROM c"));
        assertEquals(List.of(102L), longs(conn, "SELECT id FROM g"));
        exec(conn, "UPDATE p SET id = 20 WHERE id = 2", "UPDATE c SET id = 120 WHERE id = 12");
        assertEquals(List.of(20L), longs(conn, "SELECT pid FROM c"));
        assertEquals(List.of(120L), longs(conn, "SELECT cid FROM g"));
    }

    @Test
    void setNullAndSetDefault() throws SQLException {
        exec(conn, "CREATE TABLE n (id INT PRIMARY KEY, pid INT DEFAULT 3, "
                + "FOREIGN KEY (pid) REFERENCES p ON DELETE SET NULL ON UPDATE SET NULL)",
                "CREATE TABLE d (id INT PRIMARY KEY, pid INT DEFAULT 3, "
                        + "FOREIGN KEY (pid) REFERENCES p ON DELETE SET DEFAULT ON UPDATE SET DEFAULT)",
                "INSERT INTO n VALUES (1, 1), (2, 2), (3, 3)", "INSERT INTO d VALUES (1, 1), (2, 2), (3, 3)");
        exec(conn, "DELETE FROM p WHERE id = 1", "UPDATE p SET id = 22 WHERE id = 2");
        assertEquals(Db.rows(conn, "SELECT id, pid FROM n ORDER BY id"), rows(row(1, null), row(2, null), row(3, 3)));
        assertEquals(Db.rows(conn, "SELECT id, pid FROM d ORDER BY id"), rows(row(1, 3), row(2, 3), row(3, 3)));
        // the default must itself have a parent
        exec(conn, "INSERT INTO n VALUES (4, 22)", "INSERT INTO d VALUES (4, 22)");
        assertFails(conn, "23503", "DELETE FROM p WHERE id = 3");
        assertEquals(3, count(conn, "SELECT * FROM d WHERE pid = 3"));
        exec(conn, "DELETE FROM p WHERE id = 22");
        assertEquals(List.of(3L), longs(conn, "SELECT pid FROM d WHERE id = 4"));
        assertEquals(0, count(conn, "SELECT * FROM n WHERE pid IS NOT NULL AND pid <> 3"));
    }

    @Test
    void multiColumnKeysReferencingAUniqueConstraint() throws SQLException {
        exec(conn, "CREATE TABLE mp (a INT, b VARCHAR(5), v INT, PRIMARY KEY (a, b), CONSTRAINT mp_ba UNIQUE (v, b))",
                "CREATE TABLE mc (id INT PRIMARY KEY, x VARCHAR(5), y INT, "
                        + "CONSTRAINT mc_fk FOREIGN KEY (x, y) REFERENCES mp (b, v) ON DELETE CASCADE ON UPDATE CASCADE)",
                "CREATE TABLE mk (id INT PRIMARY KEY, b VARCHAR(5), a INT, FOREIGN KEY (b, a) REFERENCES mp (b, a))",
                "INSERT INTO mp VALUES (1, 'x', 10), (2, 'y', 20)",
                "INSERT INTO mc VALUES (1, 'x', 10), (2, 'y', 20), (3, NULL, 99), (4, 'z', NULL)",
                "INSERT INTO mk VALUES (1, 'x', 1)");
        assertFails(conn, "23503", "INSERT INTO mc VALUES (5, 'x', 20)");
        assertFails(conn, "23503", "INSERT INTO mk VALUES (2, 'x', 2)");
        assertFails(conn, "23503", "DELETE FROM mp WHERE a = 1");
        exec(conn, "UPDATE mp SET v = 21 WHERE a = 2");
        assertEquals(List.of(21L), longs(conn, "SELECT y FROM mc WHERE id = 2"));
        exec(conn, "DELETE FROM mp WHERE a = 2");
        assertEquals(List.of(1L, 3L, 4L), longs(conn, "SELECT id FROM mc ORDER BY id"));
        assertFails(conn, "2BP01", "DROP INDEX mp_ba");
    }

    @Test
    void selfReferenceCascadesThroughATree() throws SQLException {
        exec(conn, "CREATE TABLE tree (id INT PRIMARY KEY, parent INT, "
                + "FOREIGN KEY (parent) REFERENCES tree (id) ON DELETE CASCADE ON UPDATE CASCADE)",
                "INSERT INTO tree VALUES (1, NULL), (2, 1), (3, 1), (4, 2), (5, 4), (6, NULL), (7, 7)");
        exec(conn, "DELETE FROM tree WHERE id = 2");
        assertEquals(List.of(1L, 3L, 6L, 7L), longs(conn, "SELECT id FROM tree ORDER BY id"));
        exec(conn, "UPDATE tree SET id = 10 WHERE id = 1", "UPDATE tree SET id = 70 WHERE id = 7");
        assertEquals(List.of(10L), longs(conn, "SELECT parent FROM tree WHERE id = 3"));
        assertEquals(List.of(70L), longs(conn, "SELECT parent FROM tree WHERE id = 70"));
        exec(conn, "DELETE FROM tree WHERE id = 70", "DELETE FROM tree WHERE id = 10");
        assertEquals(List.of(6L), longs(conn, "SELECT id FROM tree"));
    }

    @Test
    void anIndexOnTheChildKeyGivesTheSameAnswers() throws SQLException {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT REFERENCES p ON DELETE CASCADE)",
                "CREATE INDEX c_pid ON c (pid)", "CREATE TABLE r (id INT PRIMARY KEY, pid INT REFERENCES p)",
                "CREATE INDEX r_pid ON r (pid, id)");
        exec(conn, "INSERT INTO c VALUES (1, 1), (2, 1), (3, 2)", "INSERT INTO r VALUES (1, 3)");
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO c VALUES (4, 2)"); // own uncommitted row: not yet in the committed index
        exec(conn, "DELETE FROM p WHERE id = 2");
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM c ORDER BY id"));
        exec(conn, "INSERT INTO r VALUES (2, 1)");
        assertFails(conn, "23503", "DELETE FROM p WHERE id = 1");
        assertFails(conn, "23503", "DELETE FROM p WHERE id = 3");
        conn.commit();
        assertEquals(List.of(1L, 3L), longs(conn, "SELECT id FROM p ORDER BY id"));
    }

    @Test
    void aFailingCascadeLeavesNothingHalfDone() throws SQLException {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT REFERENCES p ON DELETE CASCADE)",
                "CREATE TABLE nn (id INT PRIMARY KEY, cid INT NOT NULL REFERENCES c ON DELETE SET NULL)",
                "INSERT INTO c VALUES (10, 1), (11, 2), (12, 2)", "INSERT INTO nn VALUES (1, 12)");
        // deleting p 2 cascades to c 11 and 12; c 12's child cannot be set NULL: all of it is undone
        assertFails(conn, "23502", "DELETE FROM p WHERE id IN (1, 2)");
        assertEquals(3, count(conn, "SELECT * FROM p"));
        assertEquals(3, count(conn, "SELECT * FROM c"));
        conn.setAutoCommit(false);
        exec(conn, "DELETE FROM p WHERE id = 3");
        assertFails(conn, "23502", "DELETE FROM p WHERE id = 2");
        assertEquals(3, count(conn, "SELECT * FROM c"));
        exec(conn, "DELETE FROM p WHERE id = 1");
        assertEquals(2, count(conn, "SELECT * FROM c"));
        conn.rollback();
        assertEquals(3, count(conn, "SELECT * FROM p"));
        assertEquals(3, count(conn, "SELECT * FROM c"));
        exec(conn, "DELETE FROM nn", "DELETE FROM p WHERE id = 2");
        conn.commit();
        assertEquals(List.of(10L), longs(conn, "SELECT id FROM c"));
    }

    @Test
    void ddlRules() throws SQLException {
        assertFails(conn, "42830", "CREATE TABLE x (id INT, pn VARCHAR(10) REFERENCES p (name))");
        assertFails(conn, "42P01", "CREATE TABLE x (id INT REFERENCES nope)");
        assertFails(conn, "42P01", "CREATE TABLE x (id INT REFERENCES nope (id))");
        assertFails(conn, "42703", "CREATE TABLE x (id INT REFERENCES p (nope))");
        assertFails(conn, "42703", "CREATE TABLE x (id INT, FOREIGN KEY (nope) REFERENCES p)");
        assertFails(conn, "42830", "CREATE TABLE x (a INT, b INT, FOREIGN KEY (a, b) REFERENCES p (id))");
        assertFails(conn, "42804", "CREATE TABLE x (d DATE REFERENCES p (id))");
        exec(conn, "CREATE TABLE nopk (v INT)");
        assertFails(conn, "42830", "CREATE TABLE x (v INT REFERENCES nopk)");
        assertFails(conn, "42P01", "SELECT * FROM x");
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, code VARCHAR(5) REFERENCES p (code))",
                "CREATE TABLE c2 (id INT PRIMARY KEY, pid INT REFERENCES p)");
        assertFails(conn, "2BP01", "DROP TABLE p");
        assertFails(conn, "2BP01", "DROP INDEX p_code_key");
        exec(conn, "DROP TABLE c");
        exec(conn, "DROP TABLE p CASCADE");
        exec(conn, "INSERT INTO c2 VALUES (1, 99)");
        exec(conn, "CREATE TABLE s (id INT PRIMARY KEY, up INT REFERENCES s)", "DROP TABLE s");
    }

    @Test
    void definitionsSurviveInTheCatalogForOtherConnections() throws SQLException {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT, CONSTRAINT fk_named FOREIGN KEY (pid) "
                + "REFERENCES p (id) ON DELETE SET NULL ON UPDATE CASCADE)", "INSERT INTO c VALUES (1, 1)");
        try (Connection other = Db.open(url)) {
            SQLException e = assertFails(other, "23503", "INSERT INTO c VALUES (2, 9)");
            assertTrue(e.getMessage().contains("FK_NAMED"), e.getMessage());
            exec(other, "UPDATE p SET id = 5 WHERE id = 1");
            assertEquals(List.of(5L), longs(other, "SELECT pid FROM c"));
        }
    }

    @Test
    void childInsertRacingParentDeleteHasExactlyOneWinner() throws Exception {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT REFERENCES p)");
        for (int round = 0; round < 20; round++) {
            int parent = 1000 + round;
            exec(conn, "INSERT INTO p VALUES (" + parent + ", 'r" + round + "', 'race')");
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicInteger wins = new AtomicInteger();
            AtomicReference<String> loserState = new AtomicReference<>();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(2);
            String[] work = {"INSERT INTO c VALUES (" + parent + ", " + parent + ")", "DELETE FROM p WHERE id = " + parent};
            for (String sql : work) {
                new Thread(() -> {
                    try (Connection c = Db.open(url)) {
                        c.setAutoCommit(false);
                        start.await();
                        try {
                            exec(c, sql);
                            Thread.sleep(5);
                            c.commit();
                            wins.incrementAndGet();
                        } catch (SQLException e) {
                            loserState.set(e.getSQLState());
                            c.rollback();
                        }
                    } catch (Throwable e) {
                        unexpected.set(e);
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            done.await();
            assertNull(unexpected.get());
            assertEquals(1, wins.get(), "round " + round);
            assertEquals("23503", loserState.get());
            long parents = count(conn, "SELECT * FROM p WHERE id = " + parent);
            long children = count(conn, "SELECT * FROM c WHERE pid = " + parent);
            assertEquals(parents, children, "round " + round + ": the child exists exactly when the parent does");
        }
        assertEquals(0, count(conn, "SELECT * FROM c WHERE pid NOT IN (SELECT id FROM p)"));
    }

    @Test
    void metadataDescribesTheKeys() throws SQLException {
        exec(conn, "CREATE TABLE c (id INT PRIMARY KEY, pid INT, pc VARCHAR(5), "
                + "CONSTRAINT c_p FOREIGN KEY (pid) REFERENCES p ON DELETE CASCADE, "
                + "CONSTRAINT c_code FOREIGN KEY (pc) REFERENCES p (code) ON UPDATE SET NULL)");
        java.sql.DatabaseMetaData md = conn.getMetaData();
        try (java.sql.ResultSet rs = md.getImportedKeys(null, "PUBLIC", "C")) {
            List<List<Object>> r = Db.readAll(rs);
            assertEquals(2, r.size());
            assertEquals(List.of("P", "CODE", "C", "PC", 1, java.sql.DatabaseMetaData.importedKeySetNull,
                    java.sql.DatabaseMetaData.importedKeyNoAction, "C_CODE"), List.of(r.get(0).get(2), r.get(0).get(3),
                    r.get(0).get(6), r.get(0).get(7), ((Number) r.get(0).get(8)).intValue(),
                    ((Number) r.get(0).get(9)).intValue(), ((Number) r.get(0).get(10)).intValue(), r.get(0).get(11)));
        }
        try (java.sql.ResultSet rs = md.getExportedKeys(null, null, "P")) {
            assertEquals(2, Db.readAll(rs).size());
        }
        try (java.sql.ResultSet rs = md.getCrossReference(null, "PUBLIC", "P", null, "PUBLIC", "C")) {
            assertEquals(2, Db.readAll(rs).size());
        }
        try (java.sql.ResultSet rs = md.getExportedKeys(null, null, "C")) {
            assertEquals(0, Db.readAll(rs).size());
        }
    }

    @Test
    void sameAsH2() throws SQLException {
        try (SameAsH2 db = SameAsH2.open()) {
            db.both("CREATE TABLE a (id INT PRIMARY KEY, k INT UNIQUE)",
                    "CREATE TABLE b (id INT PRIMARY KEY, aid INT REFERENCES a (id) ON DELETE CASCADE ON UPDATE SET NULL, "
                            + "ak INT REFERENCES a (k) ON UPDATE CASCADE ON DELETE SET NULL)",
                    "INSERT INTO a VALUES (1, 10), (2, 20), (3, 30)",
                    "INSERT INTO b VALUES (1, 1, 20), (2, 2, 10), (3, 3, 30), (4, NULL, 10)",
                    "UPDATE a SET k = k + 1", "UPDATE a SET id = 4 WHERE id = 3", "DELETE FROM a WHERE id = 1");
            db.check("SELECT * FROM b ORDER BY id", rows(row(2, 2, null), row(3, null, 31), row(4, null, null)));
            for (String bad : new String[]{"INSERT INTO b VALUES (5, 9, NULL)", "INSERT INTO b VALUES (5, NULL, 99)"}) {
                assertFails(db.recall, "23503", bad);
                assertFails(db.h2, "23506", bad);
            }
        }
    }
}
