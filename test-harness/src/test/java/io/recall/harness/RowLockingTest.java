package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// SELECT ... FOR UPDATE [NOWAIT | SKIP LOCKED | WAIT n], optimistic locking as ORMs do it, and deadlocks.
class RowLockingTest {
    private String url;
    private Connection a;
    private Connection b;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        a = DriverManager.getConnection(url + ";lock_timeout=2000");
        b = DriverManager.getConnection(url + ";lock_timeout=2000");
        exec(a, "CREATE TABLE job (id INT PRIMARY KEY, taken_by VARCHAR(20), version INT)");
        for (int i = 1; i <= 5; i++) {
            exec(a, "INSERT INTO job VALUES (" + i + ", NULL, 0)");
        }
        a.setAutoCommit(false);
        b.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        a.close();
        b.close();
    }

    @Test
    void noWaitFailsAtOnceOnALockedRowAndLeavesTheTransactionUsable() throws SQLException {
        assertEquals(List.of(1L), longs(a, "SELECT id FROM job WHERE id = 1 FOR UPDATE"));
        assertFails(b, "55P03", "SELECT id FROM job WHERE id = 1 FOR UPDATE NOWAIT");
        // rows nobody holds lock at once
        assertEquals(List.of(2L), longs(b, "SELECT id FROM job WHERE id = 2 FOR UPDATE NOWAIT"));
        a.commit();
        assertEquals(List.of(1L), longs(b, "SELECT id FROM job WHERE id = 1 FOR UPDATE NOWAIT"));
        b.commit();
    }

    @Test
    void skipLockedLeavesLockedRowsOut() throws SQLException {
        assertEquals(List.of(1L, 2L), longs(a, "SELECT id FROM job WHERE id <= 2 ORDER BY id FOR UPDATE"));
        assertEquals(List.of(3L, 4L, 5L), longs(b, "SELECT id FROM job ORDER BY id FOR UPDATE SKIP LOCKED"));
        a.rollback();
        b.rollback();
    }

    @Test
    void limitLocksOnlyTheRowsItReturns() throws SQLException {
        List<Long> first = longs(a, "SELECT id FROM job WHERE taken_by IS NULL LIMIT 2 FOR UPDATE SKIP LOCKED");
        assertEquals(2, first.size());
        List<Long> second = longs(b, "SELECT id FROM job WHERE taken_by IS NULL LIMIT 2 FOR UPDATE SKIP LOCKED");
        assertEquals(2, second.size());
        Set<Long> both = new HashSet<>(first);
        both.addAll(second);
        assertEquals(4, both.size(), "no row is handed to both: " + first + " " + second);
        a.rollback();
        b.rollback();
    }

    @Test
    void aLockedRowIsCheckedAgainAfterTheWait() throws Exception {
        exec(a, "UPDATE job SET taken_by = 'a' WHERE id = 1");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<Long>> waiting = pool.submit(() ->
                    longs(b, "SELECT id FROM job WHERE taken_by IS NULL AND id <= 2 ORDER BY id FOR UPDATE"));
            Thread.sleep(200);
            a.commit();
            // the row a took no longer satisfies the WHERE once b holds its lock
            assertEquals(List.of(2L), waiting.get(10, TimeUnit.SECONDS));
            b.rollback();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitGivesUpAfterItsSeconds() throws SQLException {
        exec(a, "SELECT id FROM job WHERE id = 3 FOR UPDATE");
        assertFails(b, "40001", "SELECT id FROM job WHERE id = 3 FOR UPDATE WAIT 1");
        a.rollback();
        b.rollback();
    }

    @Test
    void subqueriesReadingTheLockedTableAreRefused() {
        assertFails(a, "0A000", "SELECT id FROM job WHERE id IN (SELECT id FROM job WHERE version = 0) FOR UPDATE");
    }

    @Test
    void workQueueHandsEachJobToExactlyOneConsumer() throws Exception {
        exec(a, "DELETE FROM job");
        for (int i = 1; i <= 60; i++) {
            exec(a, "INSERT INTO job VALUES (" + i + ", NULL, 0)");
        }
        a.commit();
        int consumers = 4;
        List<Long> taken = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                String name = "worker" + c;
                runs.add(pool.submit(() -> {
                    try (Connection conn = DriverManager.getConnection(url + ";lock_timeout=5000");
                         PreparedStatement next = conn.prepareStatement(
                                 "SELECT id FROM job WHERE taken_by IS NULL LIMIT 1 FOR UPDATE SKIP LOCKED");
                         PreparedStatement take = conn.prepareStatement("UPDATE job SET taken_by = ? WHERE id = ?")) {
                        conn.setAutoCommit(false);
                        while (true) {
                            long id;
                            try (ResultSet rs = next.executeQuery()) {
                                if (!rs.next()) {
                                    conn.commit();
                                    return null;
                                }
                                id = rs.getLong(1);
                            }
                            take.setString(1, name);
                            take.setLong(2, id);
                            assertEquals(1, take.executeUpdate());
                            conn.commit();
                            taken.add(id);
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(60, taken.size(), "jobs taken: " + taken);
        assertEquals(60, new HashSet<>(taken).size(), "a job was taken twice: " + taken);
        a.commit();
        assertEquals(List.of(0L), longs(a, "SELECT COUNT(*) FROM job WHERE taken_by IS NULL"));
    }

    @Test
    void optimisticLockingReturnsZeroForTheLoser() throws SQLException {
        String bump = "UPDATE job SET taken_by = ?, version = version + 1 WHERE id = 4 AND version = ?";
        long seen = longs(a, "SELECT version FROM job WHERE id = 4").get(0);
        assertEquals(seen, longs(b, "SELECT version FROM job WHERE id = 4").get(0));
        try (PreparedStatement first = a.prepareStatement(bump); PreparedStatement second = b.prepareStatement(bump)) {
            first.setString(1, "a");
            first.setLong(2, seen);
            assertEquals(1, first.executeUpdate());
            a.commit();
            second.setString(1, "b");
            second.setLong(2, seen);
            assertEquals(0, second.executeUpdate());
            b.commit();
        }
        assertEquals(List.of(1L), longs(a, "SELECT version FROM job WHERE id = 4"));
    }

    @Test
    void aDeadlockEndsWithOneSideRolledBackAndTheOtherCommitting() throws Exception {
        exec(a, "UPDATE job SET version = 1 WHERE id = 1");
        exec(b, "UPDATE job SET version = 2 WHERE id = 2");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<SQLException> first = pool.submit(() -> {
                try {
                    exec(a, "UPDATE job SET version = 1 WHERE id = 2");
                    a.commit();
                    return null;
                } catch (SQLException e) {
                    a.rollback();
                    return e;
                }
            });
            Thread.sleep(300);
            SQLException second = null;
            try {
                exec(b, "UPDATE job SET version = 2 WHERE id = 1");
                b.commit();
            } catch (SQLException e) {
                b.rollback();
                second = e;
            }
            SQLException firstFailure = first.get(20, TimeUnit.SECONDS);
            assertTrue(firstFailure == null ^ second == null,
                    "exactly one side fails: " + firstFailure + " / " + second);
            SQLException failure = firstFailure != null ? firstFailure : second;
            assertTrue(failure.getSQLState().equals("40001") || failure.getSQLState().equals("40P01"),
                    failure.getSQLState());
        } finally {
            pool.shutdownNow();
        }
        a.commit();
        List<Long> versions = longs(a, "SELECT version FROM job WHERE id <= 2 ORDER BY id");
        assertTrue(versions.equals(List.of(1L, 1L)) || versions.equals(List.of(2L, 2L)), versions.toString());
    }
}
