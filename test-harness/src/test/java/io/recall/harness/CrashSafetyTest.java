package io.recall.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves that a file database loses no acknowledged commit to SIGKILL and keeps no part of an unacknowledged one:
// a child JVM commits transfers (two account updates and a ledger row per transaction) and prints each commit that
// returned; the parent kills it at a random point, reopens the folder and checks every acknowledged transfer is
// there and every account balance is exactly what the ledger rows present explain. Rounds alternate sync=true and
// sync=false. Rounds: -Drecall.crash.rounds (3 in the normal suite; see README for the soak command).
class CrashSafetyTest {
    static final int ACCOUNTS = 10;
    static final long START = 1_000;

    @TempDir
    Path dir;

    @Test
    void acknowledgedCommitsSurviveSigkill() throws Exception {
        int rounds = Integer.getInteger("recall.crash.rounds", 3);
        long seed = Long.getLong("recall.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String url = "jdbc:recall:file:" + dir.resolve("db");
        long acknowledged = -1;
        for (int round = 0; round < rounds; round++) {
            int killAfter = 20 + random.nextInt(300);
            // every other round commits without sync: a killed process still loses nothing the OS has
            long last = runAndKill(round % 2 == 0 ? url : url + ";sync=false", killAfter);
            assertTrue(last >= acknowledged, "seed " + seed + ": acknowledgements went backwards");
            acknowledged = last;
            check(url, acknowledged, "seed " + seed + ", round " + round);
        }
    }

    /** Starts the writer, kills it with SIGKILL after {@code killAfter} acknowledgements; returns the last one. */
    private static long runAndKill(String url, int killAfter) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url)
                .redirectErrorStream(true).start();
        long last = -1;
        int seen = 0;
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    // every acknowledgement printed counts, also those still in the pipe when the kill lands
                    last = Long.parseLong(line.substring(4));
                    if (++seen == killAfter) {
                        // SIGKILL: no shutdown hook, no clean stop; through the handle, which leaves the pipe open
                        child.toHandle().destroyForcibly();
                    }
                } else if (output.length() < 4000) {
                    output.append(line).append('\n');
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the writer did not die");
        }
        assertTrue(seen >= killAfter, "the writer stopped before it was killed:\n" + output);
        return last;
    }

    private static void check(String url, long acknowledged, String context) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long[] expected = new long[ACCOUNTS];
            java.util.Arrays.fill(expected, START);
            long present = 0;
            long highest = -1;
            try (ResultSet rs = s.executeQuery("SELECT tx, src, dst FROM ledger")) {
                while (rs.next()) {
                    expected[rs.getInt(2)]--;
                    expected[rs.getInt(3)]++;
                    present++;
                    highest = Math.max(highest, rs.getLong(1));
                }
            }
            Map<Integer, Long> balances = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT id, balance FROM account")) {
                while (rs.next()) {
                    balances.put(rs.getInt(1), rs.getLong(2));
                }
            }
            for (int id = 0; id < ACCOUNTS; id++) {
                assertEquals(expected[id], balances.get(id), context + ": account " + id
                        + " does not match the ledger (part of a transaction is missing or extra)");
            }
            assertTrue(present == highest + 1, context + ": ledger has gaps (" + present + " rows, highest " + highest + ")");
            assertTrue(highest >= acknowledged, context + ": acknowledged " + acknowledged + " but the ledger ends at "
                    + highest);
            assertTrue(highest <= acknowledged + 1, context + ": the ledger holds more than the one commit in flight");
        }
    }

    /** The child: commits transfers forever, printing "ACK n" after each commit returned. */
    public static final class Writer {
        public static void main(String[] args) throws SQLException {
            try (Connection c = DriverManager.getConnection(args[0])) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS account (id INT PRIMARY KEY, balance BIGINT NOT NULL)");
                    s.execute("CREATE TABLE IF NOT EXISTS ledger (tx BIGINT PRIMARY KEY, src INT, dst INT)");
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM account")) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            for (int id = 0; id < ACCOUNTS; id++) {
                                s.execute("INSERT INTO account VALUES (" + id + ", " + START + ")");
                            }
                        }
                    }
                }
                long next;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(tx) FROM ledger")) {
                    rs.next();
                    next = rs.getObject(1) == null ? 0 : rs.getLong(1) + 1;
                }
                c.setAutoCommit(false);
                try (PreparedStatement move = c.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?");
                     PreparedStatement log = c.prepareStatement("INSERT INTO ledger VALUES (?, ?, ?)")) {
                    for (long tx = next; ; tx++) {
                        int src = (int) (tx % ACCOUNTS);
                        int dst = (int) ((tx * 7 + 3) % ACCOUNTS);
                        move.setLong(1, -1);
                        move.setInt(2, src);
                        move.executeUpdate();
                        log.setLong(1, tx);
                        log.setInt(2, src);
                        log.setInt(3, dst);
                        log.executeUpdate();
                        move.setLong(1, 1);
                        move.setInt(2, dst);
                        move.executeUpdate();
                        c.commit();
                        System.out.println("ACK " + tx);
                        System.out.flush();
                    }
                }
            }
        }
    }
}
