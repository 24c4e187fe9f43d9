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

// Proves that a disc_only_copies table larger than the heap can be loaded and scanned: a child JVM with a small -Xmx
// loads N rows of about 200 bytes in batches (a commit per 5,000 rows), then scans them with aggregates that
// materialise no rows, and prints the answers; the parent checks them. Sizes: -Drecall.disconly.rows and
// -Drecall.disconly.heap (default: the CI size below; README has the full-size command, 2,000,000 rows in 512m),
// -Drecall.disconly.storage (default disc_only_copies) to run the same child with another storage type by hand.
//
// The CI size (100,000 rows, -Xmx64m, about 25 s) is chosen so that the same rows do NOT fit in that heap as a
// disc_copies table: run by hand with -Drecall.disconly.storage=disc_copies at the default size and heap, the child
// dies with "OutOfMemoryError: Java heap space" while loading (measured; see ARCHITECTURE, "Databases on disc").
class DiscOnlyMemoryTest {
    static final int CI_ROWS = 100_000;
    static final String CI_HEAP = "64m";
    static final int BATCH = 5_000;

    @TempDir
    Path dir;

    @Test
    void discOnlyTableLargerThanTheHeapLoadsAndScans() throws Exception {
        int rows = Integer.getInteger("recall.disconly.rows", CI_ROWS);
        String heap = System.getProperty("recall.disconly.heap", CI_HEAP);
        String storage = System.getProperty("recall.disconly.storage", "disc_only_copies");
        String url = "jdbc:recall:file:" + dir.resolve("db") + ";sync=false";
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Loader.class.getName(), url, storage,
                Integer.toString(rows)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        String result = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
                if (line.startsWith("RESULT ") || line.startsWith("LOADED ") || line.startsWith("SCANNED ")) {
                    System.out.println("[disconly child] " + line);
                }
                if (output.length() < 8000) {
                    output.append(line).append('\n');
                }
            }
        } finally {
            if (!child.waitFor(30, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
        }
        assertEquals(0, child.exitValue(), "the loader failed (" + rows + " rows, -Xmx" + heap + ", " + storage
                + "):\n" + output);
        long n = rows;
        long payloadLength = n * Loader.PAYLOAD;
        long filtered = (n + 6) / 7; // ids 0, 7, 14, ... have grp = 0
        assertEquals("RESULT " + n + " " + payloadLength + " " + (n - 1) + " " + filtered, result, output.toString());
        assertTrue(output.indexOf("OutOfMemoryError") < 0, output.toString());
    }

    /** The child: loads {@code rows} rows into a table of the given storage type, scans them, prints the answers. */
    public static final class Loader {
        static final int PAYLOAD = 160; // with id, grp, n and name: about 200 bytes a row

        public static void main(String[] args) throws SQLException {
            String url = args[0];
            String storage = args[1];
            int rows = Integer.parseInt(args[2]);
            try (Connection c = DriverManager.getConnection(url)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, grp INT NOT NULL, n INT NOT NULL, "
                            + "name VARCHAR(40) NOT NULL, payload VARCHAR(200) NOT NULL) WITH (storage = '" + storage + "')");
                }
                c.setAutoCommit(false);
                long start = System.nanoTime();
                char[] fill = new char[PAYLOAD];
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
                    for (int id = 0; id < rows; id++) {
                        java.util.Arrays.fill(fill, (char) ('a' + id % 26));
                        String payload = new String(fill);
                        insert.setLong(1, id);
                        insert.setInt(2, id % 7);
                        insert.setInt(3, id * 31);
                        insert.setString(4, "row-" + id + "-name");
                        insert.setString(5, payload);
                        insert.addBatch();
                        if ((id + 1) % BATCH == 0 || id == rows - 1) {
                            insert.executeBatch();
                            c.commit();
                        }
                    }
                }
                long loaded = System.nanoTime();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("LOADED %d rows in %.1f s (%.0f rows/s), heap used %d MB of %d MB%n", rows,
                        (loaded - start) / 1e9, rows / ((loaded - start) / 1e9),
                        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
                long count;
                long sum;
                long max;
                long filtered;
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(payload)), MAX(id) FROM t")) {
                        rs.next();
                        count = rs.getLong(1);
                        sum = rs.getLong(2);
                        max = rs.getLong(3);
                    }
                    long scanned = System.nanoTime();
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t WHERE grp = 0")) {
                        rs.next();
                        filtered = rs.getLong(1);
                    }
                    long filteredAt = System.nanoTime();
                    System.out.printf("SCANNED aggregate %.1f s, filtered count %.1f s, heap used %d MB%n",
                            (scanned - loaded) / 1e9, (filteredAt - scanned) / 1e9,
                            (rt.totalMemory() - rt.freeMemory()) >> 20);
                }
                c.commit();
                System.out.println("RESULT " + count + " " + sum + " " + max + " " + filtered);
                System.out.flush();
            }
        }
    }
}
