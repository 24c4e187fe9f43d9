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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves that a streamed result set (fetch size set) larger than the heap is read in a small heap: a child JVM with a
// small -Xmx loads a disc_only_copies table and a small ram_copies table, then reads SELECT * of the first and a cross
// join of the second with itself, each in auto-commit and inside a transaction, counting rows and summing a column
// client side; the parent checks the answers. Neither result fits in the heap if read whole (run by hand with
// -Drecall.stream.fetch=0 and the child dies with "OutOfMemoryError: Java heap space"; see README, "Streaming
// results, timeouts and cancel"). Sizes: -Drecall.stream.rows (disc_only rows), -Drecall.stream.payload (characters
// a row), -Drecall.stream.cross (rows of the cross join, rounded up to a square), -Drecall.stream.heap,
// -Drecall.stream.fetch. The full size is in README.
class StreamingMemoryTest {
    static final int CI_ROWS = 40_000;
    static final int CI_PAYLOAD = 1_000;
    static final long CI_CROSS = 2_000_000;
    static final String CI_HEAP = "64m";
    static final int FETCH = 1_000;

    @TempDir
    Path dir;

    @Test
    void resultsLargerThanTheHeapStreamInsideAndOutsideATransaction() throws Exception {
        int rows = Integer.getInteger("recall.stream.rows", CI_ROWS);
        int payload = Integer.getInteger("recall.stream.payload", CI_PAYLOAD);
        long cross = Long.getLong("recall.stream.cross", CI_CROSS);
        String heap = System.getProperty("recall.stream.heap", CI_HEAP);
        int fetch = Integer.getInteger("recall.stream.fetch", FETCH);
        int side = (int) Math.ceil(Math.sqrt(cross));
        String url = "jdbc:recall:file:" + dir.resolve("db") + ";sync=false";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), Reader.class.getName(), url,
                Integer.toString(rows), Integer.toString(payload), Integer.toString(side), Integer.toString(fetch)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        List<String> results = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    results.add(line);
                }
                if (line.startsWith("RESULT ") || line.startsWith("LOADED ") || line.startsWith("READ ")) {
                    System.out.println("[stream child] " + line);
                }
                if (output.length() < 8000) {
                    output.append(line).append('\n');
                }
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
        }
        assertEquals(0, child.exitValue(), "the reader failed (" + rows + " rows, cross " + side + "^2, -Xmx" + heap
                + ", fetch size " + fetch + "):\n" + output);
        long n = side;
        String disc = rows + " " + (long) rows * payload;
        String join = n * n + " " + (n * (n - 1) / 2) * n; // sum of a.id over all pairs
        assertEquals(List.of("RESULT disc_only autocommit " + disc, "RESULT disc_only transaction " + disc,
                "RESULT cross_join autocommit " + join, "RESULT cross_join transaction " + join), results,
                output.toString());
        assertTrue(output.indexOf("OutOfMemoryError") < 0, output.toString());
    }

    /** The child: loads the tables, streams the two queries twice each, prints the answers. */
    public static final class Reader {
        public static void main(String[] args) throws SQLException {
            String url = args[0];
            int rows = Integer.parseInt(args[1]);
            int payload = Integer.parseInt(args[2]);
            int side = Integer.parseInt(args[3]);
            int fetch = Integer.parseInt(args[4]);
            boolean loaded = args.length > 5 && args[5].equals("loaded"); // by an earlier run (full size by hand)
            try (Connection c = DriverManager.getConnection(url)) {
                if (!loaded) {
                    load(c, rows, payload, side);
                }
                for (boolean transaction : new boolean[]{false, true}) {
                    read(c, transaction, fetch, "disc_only", "SELECT * FROM t", 5);
                }
                for (boolean transaction : new boolean[]{false, true}) {
                    read(c, transaction, fetch, "cross_join", "SELECT a.id, b.id, a.id * b.id FROM c a, c b", 1);
                }
            }
        }

        private static void load(Connection c, int rows, int payload, int side) throws SQLException {
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, grp INT NOT NULL, name VARCHAR(40) NOT NULL, "
                        + "n INT NOT NULL, payload VARCHAR(" + payload + ") NOT NULL) WITH (storage = 'disc_only_copies')");
                s.execute("CREATE TABLE c (id INT PRIMARY KEY) WITH (storage = 'ram_copies')");
            }
            c.setAutoCommit(false);
            char[] fill = new char[payload];
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
                for (int id = 0; id < rows; id++) {
                    java.util.Arrays.fill(fill, (char) ('a' + id % 26));
                    insert.setLong(1, id);
                    insert.setInt(2, id % 7);
                    insert.setString(3, "row-" + id);
                    insert.setInt(4, id * 31);
                    insert.setString(5, new String(fill));
                    insert.addBatch();
                    if ((id + 1) % 2_000 == 0 || id == rows - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO c VALUES (?)")) {
                for (int id = 0; id < side; id++) {
                    insert.setInt(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
            System.out.printf("LOADED %d rows of %d characters and %d in %.1f s, %s%n", rows, payload, side,
                    (System.nanoTime() - start) / 1e9, heap());
        }

        /** Streams the query, counting rows and summing the first column (or the payload lengths of SELECT * FROM t). */
        private static void read(Connection c, boolean transaction, int fetch, String name, String sql, int sumColumn)
                throws SQLException {
            long start = System.nanoTime();
            c.setAutoCommit(!transaction);
            long count = 0;
            long sum = 0;
            try (Statement s = c.createStatement()) {
                s.setFetchSize(fetch);
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        count++;
                        sum += sumColumn == 5 ? rs.getString(5).length() : rs.getLong(sumColumn);
                    }
                }
            }
            if (transaction) {
                c.commit();
            }
            c.setAutoCommit(true);
            String mode = transaction ? "transaction" : "autocommit";
            System.out.printf("READ %s %s: %d rows in %.1f s, %s%n", name, mode, count,
                    (System.nanoTime() - start) / 1e9, heap());
            System.out.println("RESULT " + name + " " + mode + " " + count + " " + sum);
            System.out.flush();
        }

        private static String heap() {
            Runtime rt = Runtime.getRuntime();
            return "heap used " + ((rt.totalMemory() - rt.freeMemory()) >> 20) + " MB of " + (rt.maxMemory() >> 20) + " MB";
        }
    }
}
