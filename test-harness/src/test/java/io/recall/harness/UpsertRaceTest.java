package io.recall.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.rows;
import static io.recall.harness.Db.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

// Two connections upserting the same keys at once, in auto-commit and in explicit transactions: every upsert
// counts once, the final rows are right, and no 23505 escapes an ON CONFLICT that covers the constraint. The
// store's row locks and unique-entry locks are what serialize them.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UpsertRaceTest {
    private static final int ROUNDS = 300;

    private static void runTogether(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> t : tasks) {
                futures.add(pool.submit(t));
            }
            for (Future<Void> f : futures) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Two connections, each running {@code sql} ROUNDS times with parameter key(i), starting together. */
    private static void race(String url, String sql, boolean autoCommit, int keys) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            tasks.add(() -> {
                try (Connection c = Db.open(url); PreparedStatement ps = c.prepareStatement(sql)) {
                    c.setAutoCommit(autoCommit);
                    start.await();
                    for (int i = 0; i < ROUNDS; i++) {
                        ps.setString(1, "k" + (i % keys));
                        assertEquals(1, ps.executeUpdate());
                        if (!autoCommit && i % 3 == 2) {
                            c.commit();
                        }
                    }
                    if (!autoCommit) {
                        c.commit();
                    }
                }
                return null;
            });
        }
        runTogether(tasks);
    }

    private static List<List<Object>> expectedCounts(int keys, int each) {
        List<List<Object>> out = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            out.add(List.of("k" + k, each));
        }
        return out;
    }

    @Test
    void autoCommitUpsertsOnThePrimaryKeyCountEveryOne() throws Exception {
        String url = Db.newUrl();
        try (Connection setup = Db.open(url)) {
            exec(setup, "CREATE TABLE counter (k VARCHAR(5) PRIMARY KEY, n INT)");
            race(url, "INSERT INTO counter VALUES (?, 1) ON CONFLICT (k) DO UPDATE SET n = counter.n + 1", true, 5);
            assertEquals(expectedCounts(5, 2 * ROUNDS / 5), rows(setup, "SELECT k, n FROM counter ORDER BY k"));
        }
    }

    @Test
    void transactionalUpsertsOnAUniqueColumnCountEveryOne() throws Exception {
        String url = Db.newUrl();
        try (Connection setup = Db.open(url)) {
            exec(setup, "CREATE TABLE visitor (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " email VARCHAR(10) UNIQUE, n INT)");
            // each transaction upserts k0, k1, k2 in that order (a commit every third statement), so the two
            // sessions wait for each other's locks but never deadlock
            race(url, "INSERT INTO visitor (email, n) VALUES (?, 1) ON CONFLICT (email) DO UPDATE SET n = visitor.n + 1",
                    false, 3);
            assertEquals(expectedCounts(3, 2 * ROUNDS / 3), rows(setup, "SELECT email, n FROM visitor ORDER BY email"));
        }
    }

    @Test
    void autoCommitDoNothingOnAUniqueColumnNeverRaises23505() throws Exception {
        String url = Db.newUrl();
        try (Connection setup = Db.open(url)) {
            exec(setup, "CREATE TABLE seen (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email VARCHAR(10) UNIQUE)");
            CyclicBarrier start = new CyclicBarrier(2);
            int[][] counts = new int[2][1];
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int[] count = counts[t];
                tasks.add(() -> {
                    try (Connection c = Db.open(url); PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO seen (email) VALUES (?) ON CONFLICT DO NOTHING")) {
                        start.await();
                        for (int i = 0; i < ROUNDS; i++) {
                            ps.setString(1, "e" + i);
                            count[0] += ps.executeUpdate();
                        }
                    }
                    return null;
                });
            }
            runTogether(tasks);
            assertEquals(ROUNDS, counts[0][0] + counts[1][0]);
            assertEquals(ROUNDS, Db.count(setup, "SELECT * FROM seen"));
        }
    }

    @Test
    void anUpsertWaitsForTheTransactionThatInsertedItsKeyAndThenUpdates() throws Exception {
        String url = Db.newUrl();
        try (Connection a = Db.open(url); Connection b = Db.open(url)) {
            exec(a, "CREATE TABLE counter (k VARCHAR(5) PRIMARY KEY, n INT)");
            String upsert = "INSERT INTO counter VALUES ('x', 1) ON CONFLICT (k) DO UPDATE SET n = counter.n + 1";
            String skip = "INSERT INTO counter VALUES ('y', 1) ON CONFLICT (k) DO NOTHING";
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertEquals(1, update(a, upsert));
            assertEquals(1, update(a, skip));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<int[]> second = pool.submit(() -> new int[]{update(b, upsert), update(b, skip)});
                Thread.sleep(300);
                assertFalse(second.isDone(), "b must wait for a's row lock");
                a.commit();
                int[] counts = second.get(30, TimeUnit.SECONDS);
                assertEquals(1, counts[0]);
                assertEquals(0, counts[1]);
                b.commit();
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of(List.of("x", 2), List.of("y", 1)), rows(a, "SELECT * FROM counter ORDER BY k"));
        }
    }

    @Test
    void anUpsertWaitingOnARolledBackInsertInsertsItself() throws Exception {
        String url = Db.newUrl();
        try (Connection a = Db.open(url); Connection b = Db.open(url)) {
            exec(a, "CREATE TABLE tag (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(5) UNIQUE)");
            String sql = "INSERT INTO tag (name) VALUES ('t') ON CONFLICT (name) DO NOTHING";
            a.setAutoCommit(false);
            assertEquals(1, update(a, sql));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> second = pool.submit(() -> update(b, sql));
                Thread.sleep(300);
                assertFalse(second.isDone(), "b must wait for a's unique entry lock");
                a.rollback();
                assertEquals(1, second.get(30, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, Db.count(a, "SELECT * FROM tag WHERE name = 't'"));
        }
    }
}
