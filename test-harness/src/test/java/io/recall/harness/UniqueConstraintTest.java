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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** UNIQUE constraints and unique indexes through JDBC, including two connections racing for one value. */
class UniqueConstraintTest {
    private String url;
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        conn = Db.open(url);
        exec(conn, "CREATE TABLE u (id INT PRIMARY KEY, email VARCHAR(30) UNIQUE, a INT, b INT, "
                + "CONSTRAINT u_ab UNIQUE (a, b))");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void duplicatesFailAndNullsNeverConflict() throws SQLException {
        exec(conn, "INSERT INTO u VALUES (1, 'x@a', 1, 1)", "INSERT INTO u VALUES (2, NULL, 1, NULL)",
                "INSERT INTO u VALUES (3, NULL, 1, NULL)");
        assertFails(conn, "23505", "INSERT INTO u VALUES (4, 'x@a', 2, 2)");
        assertFails(conn, "23505", "INSERT INTO u VALUES (4, 'y@a', 1, 1)");
        assertFails(conn, "23505", "INSERT INTO u VALUES (4, 'z@a', 5, 5), (5, 'z@a', 6, 6)");
        assertEquals(3, count(conn, "SELECT * FROM u"));
        exec(conn, "INSERT INTO u VALUES (4, 'y@a', 1, 2)");
        assertFails(conn, "23505", "UPDATE u SET email = 'x@a' WHERE id = 4");
        exec(conn, "UPDATE u SET email = 'w@a' WHERE id = 1", "INSERT INTO u VALUES (5, 'x@a', 9, 9)",
                "DELETE FROM u WHERE id = 5", "INSERT INTO u VALUES (6, 'x@a', 9, 9)",
                "UPDATE u SET id = 60 WHERE id = 6", "UPDATE u SET a = a WHERE id = 60");
        assertFails(conn, "23505", "INSERT INTO u VALUES (7, 'x@a', 10, 10)");
        assertFails(conn, "23505", "UPDATE u SET b = 1 WHERE id = 4");
    }

    @Test
    void rollbackAndFailedStatementsLeaveNoTrace() throws SQLException {
        conn.setAutoCommit(false);
        exec(conn, "INSERT INTO u VALUES (1, 'x@a', 1, 1)");
        assertFails(conn, "23505", "INSERT INTO u VALUES (2, 'q@a', 2, 2), (3, 'x@a', 3, 3)");
        exec(conn, "INSERT INTO u VALUES (2, 'q@a', 2, 2)");
        conn.rollback();
        exec(conn, "INSERT INTO u VALUES (10, 'x@a', 1, 1)", "INSERT INTO u VALUES (11, 'q@a', 2, 2)");
        conn.commit();
        assertEquals(2, count(conn, "SELECT * FROM u"));
    }

    @Test
    void createUniqueIndexOverDuplicatesFailsAndLeavesNothing() throws SQLException {
        exec(conn, "CREATE TABLE d (id INT PRIMARY KEY, v INT)", "INSERT INTO d VALUES (1, 1), (2, 2), (3, 1), (4, NULL), (5, NULL)");
        assertFails(conn, "23505", "CREATE UNIQUE INDEX d_v ON d (v)");
        exec(conn, "INSERT INTO d VALUES (6, 2)", "DELETE FROM d WHERE id IN (3, 6)", "CREATE UNIQUE INDEX d_v ON d (v)");
        assertFails(conn, "23505", "INSERT INTO d VALUES (7, 2)");
        exec(conn, "INSERT INTO d VALUES (7, NULL)", "DROP INDEX d_v", "INSERT INTO d VALUES (8, 2)");
        assertFails(conn, "42P07", "CREATE TABLE e (id INT, v INT, CONSTRAINT u_ab UNIQUE (v))");
        assertFails(conn, "42P01", "SELECT * FROM e");
    }

    @Test
    void twoConnectionsInsertingTheSameValueExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String email = "race" + round;
            CyclicBarrier start = new CyclicBarrier(2);
            AtomicInteger wins = new AtomicInteger();
            AtomicReference<String> otherState = new AtomicReference<>();
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(2);
            for (int t = 0; t < 2; t++) {
                int id = 1000 + round * 2 + t;
                Thread thread = new Thread(() -> {
                    try (Connection c = Db.open(url)) {
                        c.setAutoCommit(false);
                        start.await();
                        try {
                            exec(c, "INSERT INTO u VALUES (" + id + ", '" + email + "', " + id + ", 0)");
                            Thread.sleep(5);
                            c.commit();
                            wins.incrementAndGet();
                        } catch (SQLException e) {
                            otherState.set(e.getSQLState());
                            c.rollback();
                        }
                    } catch (Throwable e) {
                        unexpected.set(e);
                    } finally {
                        done.countDown();
                    }
                });
                thread.start();
            }
            done.await();
            assertNull(unexpected.get());
            assertEquals(1, wins.get(), "round " + round);
            assertEquals("23505", otherState.get());
            assertEquals(List.of(1L), Db.longs(conn, "SELECT COUNT(*) FROM u WHERE email = '" + email + "'"));
        }
    }

    // a row written before CREATE UNIQUE INDEX and committed after it is checked at its commit
    @Test
    void transactionOpenAcrossUniqueIndexCreationIsCheckedAtCommit() throws SQLException {
        exec(conn, "CREATE TABLE late (id INT PRIMARY KEY, v INT)", "INSERT INTO late VALUES (1, 5)");
        try (Connection t = Db.open(url)) {
            t.setAutoCommit(false);
            exec(t, "INSERT INTO late VALUES (2, 5)", "INSERT INTO late VALUES (3, 7)");
            exec(conn, "CREATE UNIQUE INDEX late_v ON late (v)");
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, t::commit);
            assertEquals("23505", e.getSQLState(), e.getMessage());
            assertEquals(1, count(conn, "SELECT * FROM late"));

            exec(conn, "CREATE TABLE late2 (id INT PRIMARY KEY, v INT)", "INSERT INTO late2 VALUES (1, 5)");
            exec(t, "INSERT INTO late2 VALUES (4, 8)");
            exec(conn, "CREATE UNIQUE INDEX late2_v ON late2 (v)");
            t.commit();
            assertFails(conn, "23505", "INSERT INTO late2 VALUES (5, 8)");
            assertFails(conn, "23505", "INSERT INTO late2 VALUES (5, 5)");
            exec(conn, "INSERT INTO late2 VALUES (5, 6)");
            assertEquals(3, count(conn, "SELECT * FROM late2"));
        }
    }
}
