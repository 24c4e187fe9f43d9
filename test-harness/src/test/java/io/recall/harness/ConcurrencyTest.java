package io.recall.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

// Proves concurrent writers lose no update, conflicting writers block or time out with 40001, commits are atomic.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrencyTest {
    private static final String LOCK_TIMEOUT = "40001";

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(t));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(100, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long counter(Connection c) throws SQLException {
        return longs(c, "SELECT v FROM c WHERE id = 1").get(0);
    }

    @Test
    void concurrentAutoCommitIncrementsLoseNothing() throws Exception {
        String url = Db.newUrl();
        try (Connection setup = Db.open(url)) {
            exec(setup, "CREATE TABLE c (id INT PRIMARY KEY, v BIGINT)", "INSERT INTO c VALUES (1, 0)");
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                tasks.add(() -> {
                    try (Connection c = Db.open(url); Statement st = c.createStatement()) {
                        for (int i = 0; i < 500; i++) {
                            assertEquals(1, st.executeUpdate("UPDATE c SET v = v + 1 WHERE id = 1"));
                        }
                    }
                    return 500;
                });
            }
            runAll(tasks);
            assertEquals(1000L, counter(setup));
        }
    }

    @Test
    void concurrentTransactionalIncrementsLoseNothing() throws Exception {
        String url = Db.newUrl();
        try (Connection setup = Db.open(url)) {
            exec(setup, "CREATE TABLE c (id INT PRIMARY KEY, v BIGINT)", "INSERT INTO c VALUES (1, 0)");
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                tasks.add(() -> {
                    int retries = 0;
                    try (Connection c = Db.open(url)) {
                        c.setAutoCommit(false);
                        try (PreparedStatement ps = c.prepareStatement("UPDATE c SET v = v + 1 WHERE id = 1")) {
                            for (int i = 0; i < 500; i++) {
                                while (true) {
                                    try {
                                        assertEquals(1, ps.executeUpdate());
                                        c.commit();
                                        break;
                                    } catch (SQLException e) {
                                        if (!LOCK_TIMEOUT.equals(e.getSQLState())) {
                                            throw e;
                                        }
                                        c.rollback();
                                        retries++;
                                    }
                                }
                            }
                        }
                    }
                    return retries;
                });
            }
            runAll(tasks);
            assertEquals(1000L, counter(setup));
        }
    }

    @Test
    void lockTimeoutFails40001NamingTheTableThenSucceedsAfterCommit() throws SQLException {
        String url = Db.newUrl();
        try (Connection a = Db.open(url); Connection b = Db.open(url)) {
            exec(a, "CREATE TABLE counter_lock (id INT PRIMARY KEY, v INT)", "INSERT INTO counter_lock VALUES (1, 0)");
            a.setAutoCommit(false);
            assertEquals(1, Db.update(a, "UPDATE counter_lock SET v = v + 1 WHERE id = 1"));
            exec(b, "SET LOCK_TIMEOUT 200");
            SQLException e = Db.assertFails(b, LOCK_TIMEOUT, "UPDATE counter_lock SET v = v + 10 WHERE id = 1");
            assertTrue(e.getMessage().toUpperCase(Locale.ROOT).contains("COUNTER_LOCK"), e.getMessage());
            a.commit();
            assertEquals(1, Db.update(b, "UPDATE counter_lock SET v = v + 10 WHERE id = 1"));
            assertEquals(List.of(11L), longs(a, "SELECT v FROM counter_lock"));
        }
    }

    @Test
    void lockTimeoutFromUrlAndPropertiesApplies() throws SQLException {
        String url = Db.newUrl();
        Properties props = new Properties();
        props.setProperty("lock_timeout", "150");
        try (Connection a = Db.open(url); Connection viaUrl = DriverManager.getConnection(url + ";lock_timeout=150");
             Connection viaProps = DriverManager.getConnection(url, props)) {
            exec(a, "CREATE TABLE held (id INT PRIMARY KEY, v INT)", "INSERT INTO held VALUES (1, 0)");
            a.setAutoCommit(false);
            Db.update(a, "DELETE FROM held WHERE id = 1");
            Db.assertFails(viaUrl, LOCK_TIMEOUT, "UPDATE held SET v = 1 WHERE id = 1");
            Db.assertFails(viaProps, LOCK_TIMEOUT, "DELETE FROM held WHERE id = 1");
            a.rollback();
            assertEquals(1, Db.update(viaProps, "UPDATE held SET v = 2 WHERE id = 1"));
        }
    }

    @Test
    void failedLockWaitLeavesTransactionUsable() throws SQLException {
        String url = Db.newUrl();
        try (Connection a = Db.open(url); Connection b = DriverManager.getConnection(url + ";lock_timeout=150")) {
            exec(a, "CREATE TABLE r (id INT PRIMARY KEY, v INT)", "INSERT INTO r VALUES (1, 0), (2, 0)");
            a.setAutoCommit(false);
            Db.update(a, "UPDATE r SET v = 1 WHERE id = 1");
            b.setAutoCommit(false);
            assertEquals(1, Db.update(b, "UPDATE r SET v = 2 WHERE id = 2"));
            Db.assertFails(b, LOCK_TIMEOUT, "UPDATE r SET v = 2 WHERE id = 1");
            b.commit();
            a.commit();
            assertEquals(List.of(1L, 2L), longs(a, "SELECT v FROM r ORDER BY id"));
        }
    }

    @Test
    void conflictingWriterWaitsForCommit() throws Exception {
        String url = Db.newUrl();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection a = Db.open(url); Connection b = Db.open(url)) {
            exec(a, "CREATE TABLE w (id INT PRIMARY KEY, v INT)", "INSERT INTO w VALUES (1, 0)");
            a.setAutoCommit(false);
            Db.update(a, "UPDATE w SET v = v + 1 WHERE id = 1");
            Future<Integer> blocked = pool.submit(() -> Db.update(b, "UPDATE w SET v = v + 1 WHERE id = 1"));
            Thread.sleep(300);
            assertFalse(blocked.isDone(), "second writer did not wait for the first one's lock");
            a.commit();
            assertEquals(1, blocked.get(60, TimeUnit.SECONDS));
            assertEquals(List.of(2L), longs(a, "SELECT v FROM w"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void uncommittedInsertBlocksSameKeyInsertUntilRollback() throws SQLException {
        String url = Db.newUrl();
        try (Connection a = Db.open(url); Connection b = DriverManager.getConnection(url + ";lock_timeout=200")) {
            exec(a, "CREATE TABLE k (id INT PRIMARY KEY, who VARCHAR(5))");
            a.setAutoCommit(false);
            Db.update(a, "INSERT INTO k VALUES (1, 'a')");
            Db.assertFails(b, LOCK_TIMEOUT, "INSERT INTO k VALUES (1, 'b')");
            a.rollback();
            assertEquals(1, Db.update(b, "INSERT INTO k VALUES (1, 'b')"));
            Db.assertFails(a, "23505", "INSERT INTO k VALUES (1, 'a')");
            a.rollback();
            assertEquals(List.of("b"), Db.strings(a, "SELECT who FROM k"));
        }
    }

    // An auto-commit INSERT with the database's own lock timeout takes the key's lock with its write.
    @Test
    void autoCommitInsertWaitsForTheKeyThenSeesTheWinner() throws Exception {
        String url = Db.newUrl();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection a = Db.open(url); Connection b = Db.open(url)) {
            exec(a, "CREATE TABLE k (id INT PRIMARY KEY, who VARCHAR(5))");
            a.setAutoCommit(false);
            Db.update(a, "INSERT INTO k VALUES (1, 'a')");
            Future<Integer> duplicate = pool.submit(() -> Db.update(b, "INSERT INTO k VALUES (1, 'b')"));
            Thread.sleep(300);
            assertFalse(duplicate.isDone(), "the second insert did not wait for the first one's lock");
            a.commit();
            java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                    java.util.concurrent.ExecutionException.class, () -> duplicate.get(60, TimeUnit.SECONDS));
            assertEquals("23505", ((SQLException) failed.getCause()).getSQLState(), failed.getCause().getMessage());

            Db.update(a, "INSERT INTO k VALUES (2, 'a')");
            Future<Integer> second = pool.submit(() -> Db.update(b, "INSERT INTO k VALUES (2, 'b')"));
            Thread.sleep(300);
            assertFalse(second.isDone(), "the second insert did not wait for the first one's lock");
            a.rollback();
            assertEquals(1, second.get(60, TimeUnit.SECONDS));
            assertEquals(List.of("a", "b"), Db.strings(b, "SELECT who FROM k ORDER BY id"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void autoCommitInsertLockTimeoutRollsBackOnlyItself() throws SQLException {
        String url = Db.newUrl() + ";lock_timeout=200";
        try (Connection a = Db.open(url); Connection b = Db.open(url)) {
            exec(a, "CREATE TABLE k (id INT PRIMARY KEY, who VARCHAR(5))");
            a.setAutoCommit(false);
            Db.update(a, "INSERT INTO k VALUES (1, 'a')");
            SQLException e = Db.assertFails(b, LOCK_TIMEOUT, "INSERT INTO k VALUES (3, 'b'), (1, 'b')");
            assertTrue(e.getMessage().toUpperCase(Locale.ROOT).contains("K"), e.getMessage());
            assertEquals(1, Db.update(b, "INSERT INTO k VALUES (2, 'b')"));
            a.commit();
            assertEquals(List.of("a", "b"), Db.strings(b, "SELECT who FROM k ORDER BY id"));
        }
    }

    @Test
    void racingInsertsOfTheSameKeysNeverBothSucceed() throws Exception {
        String url = Db.newUrl();
        int keys = 200;
        try (Connection setup = Db.open(url)) {
            exec(setup, "CREATE TABLE k (id INT PRIMARY KEY, who INT)");
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int who = t;
                tasks.add(() -> {
                    int won = 0;
                    try (Connection c = Db.open(url);
                         PreparedStatement ps = c.prepareStatement("INSERT INTO k VALUES (?, ?)")) {
                        for (int id = 1; id <= keys; id++) {
                            ps.setInt(1, id);
                            ps.setInt(2, who);
                            try {
                                won += ps.executeUpdate();
                            } catch (SQLException e) {
                                assertEquals("23505", e.getSQLState(), e.getMessage());
                            }
                        }
                    }
                    return won;
                });
            }
            List<Integer> won = runAll(tasks);
            assertEquals(keys, won.get(0) + won.get(1), "inserts that succeeded: " + won);
            assertEquals(keys, longs(setup, "SELECT id FROM k").size());
            long zero = longs(setup, "SELECT who FROM k WHERE who = 0").size();
            assertEquals(won.get(0).longValue(), zero);
        }
    }

    @Test
    void transfersWithinOneTableKeepEverySumConstant() throws Exception {
        String url = Db.newUrl();
        try (Connection setup = Db.open(url)) {
            exec(setup, "CREATE TABLE acct (id INT PRIMARY KEY, bal BIGINT)");
            for (int i = 1; i <= 10; i++) {
                exec(setup, "INSERT INTO acct VALUES (" + i + ", 1000)");
            }
            Transfers run = new Transfers(url, 10_000L, 1234L);
            run.go("acct", "acct", 10, List.of("acct"));
            assertEquals(10_000L, sum(setup, "acct"));
            assertEquals(10, longs(setup, "SELECT bal FROM acct").size());
        }
    }

    @Test
    void transfersBetweenTwoTablesKeepTheTotalConstant() throws Exception {
        String url = Db.newUrl();
        try (Connection setup = Db.open(url)) {
            exec(setup, "CREATE TABLE a (id INT PRIMARY KEY, bal BIGINT)",
                    "CREATE TABLE b (id INT PRIMARY KEY, bal BIGINT)");
            for (int i = 1; i <= 5; i++) {
                exec(setup, "INSERT INTO a VALUES (" + i + ", 1000)", "INSERT INTO b VALUES (" + i + ", 1000)");
            }
            Transfers run = new Transfers(url, 10_000L, 4321L);
            // money always moves from a row of a to a row of b (a negative amount moves it back)
            run.go("a", "b", 5, List.of("a", "b"));
            assertEquals(10_000L, sum(setup, "a") + sum(setup, "b"));
        }
    }

    private static long sum(Connection c, String table) throws SQLException {
        long s = 0;
        for (Long v : longs(c, "SELECT bal FROM " + table)) {
            s += v;
        }
        return s;
    }

    /** 4 writer threads move random amounts for ~3 s while 2 reader threads check the total never changes. */
    private static final class Transfers {
        private final String url;
        private final long total;
        private final long seed;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong commits = new AtomicLong();
        private final AtomicLong reads = new AtomicLong();

        Transfers(String url, long total, long seed) {
            this.url = url;
            this.total = total;
            this.seed = seed;
        }

        void go(String fromTable, String toTable, int rows, List<String> readTables) throws Exception {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                long s = seed + w;
                tasks.add(() -> writer(new Random(s), fromTable, toTable, rows));
            }
            for (int r = 0; r < 2; r++) {
                tasks.add(() -> readTables.size() == 1 ? reader(readTables.get(0)) : unionReader(readTables));
            }
            ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (Callable<String> t : tasks) {
                    futures.add(pool.submit(t));
                }
                Thread.sleep(3000);
                stop.set(true);
                for (Future<String> f : futures) {
                    String problem = f.get(100, TimeUnit.SECONDS);
                    if (problem != null) {
                        fail(problem + " (seed " + seed + ")");
                    }
                }
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }
            assertTrue(commits.get() > 0, "no transfer committed");
            assertTrue(reads.get() > 0, "no sum was read");
        }

        /** Returns null when fine, else a description of the broken invariant. */
        private String writer(Random rnd, String fromTable, String toTable, int rows) throws SQLException {
            try (Connection c = DriverManager.getConnection(url + ";lock_timeout=1000")) {
                c.setAutoCommit(false);
                String subSql = "UPDATE " + fromTable + " SET bal = bal - ? WHERE id = ?";
                String addSql = "UPDATE " + toTable + " SET bal = bal + ? WHERE id = ?";
                try (PreparedStatement sub = c.prepareStatement(subSql);
                     PreparedStatement add = c.prepareStatement(addSql)) {
                    while (!stop.get()) {
                        int from = 1 + rnd.nextInt(rows);
                        int to = 1 + rnd.nextInt(rows);
                        if (fromTable.equals(toTable) && from == to) {
                            continue;
                        }
                        long amount = rnd.nextInt(201) - 100;
                        // lock rows in a fixed order (table, then id) so writers never deadlock
                        boolean subFirst = !fromTable.equals(toTable) || from < to;
                        try {
                            if (subFirst) {
                                move(sub, amount, from);
                                move(add, amount, to);
                            } else {
                                move(add, amount, to);
                                move(sub, amount, from);
                            }
                            c.commit();
                            commits.incrementAndGet();
                        } catch (SQLException e) {
                            if (!LOCK_TIMEOUT.equals(e.getSQLState())) {
                                throw e;
                            }
                            c.rollback();
                        }
                    }
                }
            }
            return null;
        }

        private static void move(PreparedStatement ps, long amount, int id) throws SQLException {
            ps.setLong(1, amount);
            ps.setInt(2, id);
            int n = ps.executeUpdate();
            if (n != 1) {
                throw new SQLException("update count " + n + " for id " + id);
            }
        }

        /** Auto-commit reads of the whole table: every single statement must see a consistent total. */
        private String reader(String table) throws SQLException {
            try (Connection c = Db.open(url); Statement st = c.createStatement()) {
                while (!stop.get()) {
                    long s = 0;
                    int n = 0;
                    try (ResultSet rs = st.executeQuery("SELECT bal FROM " + table)) {
                        while (rs.next()) {
                            s += rs.getLong(1);
                            n++;
                        }
                    }
                    reads.incrementAndGet();
                    if (s != total || n != 10) {
                        return "read sum " + s + " over " + n + " rows, expected " + total + " over 10";
                    }
                }
            }
            return null;
        }

        /** One auto-commit statement over all the tables: it must see each commit entirely or not at all. */
        private String unionReader(List<String> tables) throws SQLException {
            String union = String.join(" UNION ALL ", tables.stream().map(t -> "SELECT bal FROM " + t).toList());
            try (Connection c = Db.open(url); Statement st = c.createStatement()) {
                while (!stop.get()) {
                    long s;
                    try (ResultSet rs = st.executeQuery("SELECT SUM(bal) FROM (" + union + ") x")) {
                        rs.next();
                        s = rs.getLong(1);
                    }
                    reads.incrementAndGet();
                    if (s != total) {
                        return "read sum " + s + " over " + tables + ", expected " + total;
                    }
                }
            }
            return null;
        }
    }
}
