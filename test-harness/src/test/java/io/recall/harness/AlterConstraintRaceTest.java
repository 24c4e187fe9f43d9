package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.count;
import static io.recall.harness.Db.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A constraint added while other transactions are writing: the check of the existing rows cannot see their
 * uncommitted rows, and they were not checked when written, so they must not commit (40001, to be retried).
 */
class AlterConstraintRaceTest {
    private String url;
    private Connection conn;
    private Connection other;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        other = Db.open(url);
        exec(conn, "CREATE TABLE p (id INT PRIMARY KEY, code VARCHAR(5))",
                "CREATE TABLE t (id INT PRIMARY KEY, a INT, pid INT)", "INSERT INTO p VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO t VALUES (1, 1, 1)");
        other.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        other.close();
        conn.close();
    }

    private void assertCommitRefused() {
        SQLException e = assertThrows(SQLException.class, other::commit);
        assertEquals("40001", e.getSQLState(), e::getMessage);
        assertInstanceOf(SQLTransactionRollbackException.class, e);
    }

    @Test
    void rowsWrittenBeforeACheckWasAddedDoNotCommit() throws SQLException {
        exec(other, "INSERT INTO t VALUES (2, -5, NULL)");
        exec(conn, "ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0)");
        assertCommitRefused();
        assertEquals(0, count(conn, "SELECT * FROM t WHERE a <= 0"));
        // a transaction that starts writing after the change commits, and is checked
        exec(other, "INSERT INTO t VALUES (2, 5, NULL)");
        assertFails(other, "23514", "INSERT INTO t VALUES (3, -5, NULL)");
        other.commit();
        assertEquals(2, count(conn, "SELECT * FROM t"));
    }

    @Test
    void childAndParentWritesMadeBeforeAForeignKeyWasAddedDoNotCommit() throws SQLException {
        exec(other, "INSERT INTO t VALUES (2, 2, 9)");
        exec(conn, "ALTER TABLE t ADD CONSTRAINT t_p FOREIGN KEY (pid) REFERENCES p");
        assertCommitRefused();
        exec(conn, "ALTER TABLE t DROP CONSTRAINT t_p");
        exec(other, "DELETE FROM p WHERE id = 1");
        exec(conn, "ALTER TABLE t ADD CONSTRAINT t_p FOREIGN KEY (pid) REFERENCES p");
        assertCommitRefused();
        assertEquals(2, count(conn, "SELECT * FROM p"));
        assertEquals(0, count(conn, "SELECT * FROM t WHERE pid NOT IN (SELECT id FROM p)"));
    }

    // unique values are claimed at commit instead: a duplicate fails, others commit and are held
    @Test
    void valuesWrittenBeforeAUniqueConstraintWasAddedAreClaimedAtCommit() throws SQLException {
        exec(other, "INSERT INTO t VALUES (2, 1, NULL)");
        exec(conn, "ALTER TABLE t ADD CONSTRAINT t_a UNIQUE (a)");
        SQLException e = assertThrows(SQLException.class, other::commit);
        assertEquals("23505", e.getSQLState(), e::getMessage);
        exec(other, "INSERT INTO t VALUES (3, 3, 1)");
        exec(conn, "CREATE UNIQUE INDEX t_a3 ON t (pid, a)");
        other.commit();
        assertEquals(2, count(conn, "SELECT * FROM t"));
        exec(conn, "ALTER TABLE t DROP CONSTRAINT t_a");
        assertFails(conn, "23505", "INSERT INTO t VALUES (4, 3, 1)");
        exec(conn, "INSERT INTO t VALUES (4, 3, NULL)");
    }

    @Test
    void aCheckAddedWhileTransactionsInsertViolatingRowsIsNeverBypassed() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger ids = new AtomicInteger(1000);
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Thread writer = new Thread(() -> {
                try (Connection c = Db.open(url)) {
                    c.setAutoCommit(false);
                    while (!stop.get()) {
                        try {
                            exec(c, "INSERT INTO t VALUES (" + ids.incrementAndGet() + ", -1, NULL)");
                            Thread.sleep(5);
                            c.commit();
                        } catch (SQLException e) {
                            if (!e.getSQLState().equals("40001") && !e.getSQLState().equals("23514")) {
                                unexpected.add(e.getSQLState() + " " + e.getMessage());
                            }
                            c.rollback();
                        }
                    }
                } catch (Exception e) {
                    unexpected.add(e.toString());
                }
            });
            writer.start();
            writers.add(writer);
        }
        int added = 0;
        try {
            for (int attempt = 0; attempt < 200 && added < 10; attempt++) {
                exec(conn, "DELETE FROM t WHERE a < 0");
                try {
                    exec(conn, "ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a >= 0)");
                } catch (SQLException e) {
                    assertEquals("23514", e.getSQLState(), e::getMessage); // a violating row committed meanwhile
                    continue;
                }
                added++;
                Thread.sleep(20); // the writers' open transactions try to commit
                assertEquals(0, count(conn, "SELECT * FROM t WHERE a < 0"), "round " + added);
                exec(conn, "ALTER TABLE t DROP CONSTRAINT a_pos");
            }
        } finally {
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
        }
        assertTrue(unexpected.isEmpty(), unexpected::toString);
        assertTrue(added > 0, "the constraint was never added");
    }
}
