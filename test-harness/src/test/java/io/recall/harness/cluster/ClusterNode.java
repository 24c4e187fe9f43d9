package io.recall.harness.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cluster member in a JVM of its own, driven line by line through stdin by {@link NodeProcess}. It opens the URL
 * given as its argument, prints {@code READY}, then answers each command with lines ending in one terminal line
 * ({@code OK}, {@code COUNT n}, {@code ERR <sqlstate> <message>} or a workload's summary):
 * <ul>
 * <li>{@code SQL <statement>}: runs it on the node's connection; rows come as {@code ROW a|b|...}</li>
 * <li>{@code AUTOCOMMIT true|false}, {@code COMMIT}, {@code ROLLBACK}</li>
 * <li>{@code CUT true|false}: cuts this member off the network, or heals it ({@link TestPartition})</li>
 * <li>{@code INSERTS <n> <statement>}: runs the statement n times in auto-commit</li>
 * <li>{@code BANK <threads> <millis> <accounts>}: transfers between random accounts of table {@code account} on
 * that many connections, while one more connection sums the balances; prints {@code BANK <transfers> <retries>
 * <sums> <wrong sums> <first wrong sum or -1>}</li>
 * </ul>
 */
public final class ClusterNode {
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException e) {
            OUT.println("ERR " + e.getSQLState() + " " + oneLine(e.getMessage()));
            System.exit(3);
            return;
        }
        OUT.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("EXIT")) {
                break;
            }
            try {
                run(url, connection, line);
            } catch (SQLException e) {
                OUT.println("ERR " + e.getSQLState() + " " + oneLine(e.getMessage()));
            } catch (Throwable e) {
                OUT.println("ERR JAVA " + oneLine(e.toString()));
            }
        }
        connection.close();
        System.exit(0);
    }

    private static void run(String url, Connection c, String line) throws Exception {
        int space = line.indexOf(' ');
        String command = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1);
        switch (command) {
            case "SQL" -> sql(c, rest);
            case "AUTOCOMMIT" -> {
                c.setAutoCommit(Boolean.parseBoolean(rest));
                OUT.println("OK");
            }
            case "COMMIT" -> {
                c.commit();
                OUT.println("OK");
            }
            case "ROLLBACK" -> {
                c.rollback();
                OUT.println("OK");
            }
            case "CUT" -> {
                TestPartition.cut = Boolean.parseBoolean(rest);
                OUT.println("OK");
            }
            case "INSERTS" -> {
                int n = Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
                try (Statement s = c.createStatement()) {
                    for (int i = 0; i < n; i++) {
                        s.executeUpdate(rest.substring(rest.indexOf(' ') + 1));
                    }
                }
                OUT.println("OK");
            }
            case "BANK" -> {
                String[] p = rest.split(" ");
                bank(url, Integer.parseInt(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]));
            }
            default -> OUT.println("ERR JAVA unknown command " + command);
        }
    }

    private static void sql(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                try (ResultSet rs = s.getResultSet()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder("ROW ");
                        for (int i = 1; i <= columns; i++) {
                            row.append(i > 1 ? "|" : "").append(rs.getString(i));
                        }
                        OUT.println(row);
                    }
                }
                OUT.println("OK");
            } else {
                OUT.println("COUNT " + s.getUpdateCount());
            }
        }
    }

    /** Transfers one unit between random accounts in transactions; a failed one (lock timeout) is retried. */
    private static void bank(String url, int threads, long millis, int accounts) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000L;
        AtomicLong transfers = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = t * 31L + ProcessHandle.current().pid();
            Thread worker = new Thread(() -> {
                Random random = new Random(seed);
                try (Connection c = DriverManager.getConnection(url);
                     PreparedStatement move = c.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?")) {
                    c.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        int from = random.nextInt(accounts);
                        int to = random.nextInt(accounts);
                        if (from == to) {
                            continue;
                        }
                        try {
                            // in key order, so two transfers never wait for each other's locks the other way round
                            move.setLong(1, from < to ? -1 : 1);
                            move.setInt(2, Math.min(from, to));
                            move.executeUpdate();
                            move.setLong(1, from < to ? 1 : -1);
                            move.setInt(2, Math.max(from, to));
                            move.executeUpdate();
                            c.commit();
                            transfers.incrementAndGet();
                        } catch (SQLException e) {
                            if (!"40001".equals(e.getSQLState())) {
                                throw e;
                            }
                            c.rollback();
                            retries.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        long sums = 0;
        long wrong = 0;
        long firstWrong = -1;
        long expected = -1;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            while (System.nanoTime() < end) {
                try (ResultSet rs = s.executeQuery("SELECT SUM(balance) FROM account")) {
                    rs.next();
                    long sum = rs.getLong(1);
                    if (expected < 0) {
                        expected = accounts * 1000L;
                    }
                    sums++;
                    if (sum != expected) {
                        wrong++;
                        if (firstWrong < 0) {
                            firstWrong = sum;
                        }
                    }
                }
            }
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            Throwable f = failures.get(0);
            String state = f instanceof SQLException e ? e.getSQLState() : "JAVA";
            OUT.println("ERR " + state + " " + oneLine(f.toString()));
            return;
        }
        OUT.println("BANK " + transfers.get() + " " + retries.get() + " " + sums + " " + wrong + " " + firstWrong);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}

