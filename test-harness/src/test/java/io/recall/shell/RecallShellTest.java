package io.recall.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves the shell runs SQL typed at it, from -e and from a file: aligned result tables with row counts and
// timing, EXPLAIN, schema listing commands, and errors with their SQLState.
class RecallShellTest {
    private static String run(String input, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SqlLine.Status status = RecallShell.run(args,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(SqlLine.Status.OK, status, text);
        return text;
    }

    private static String url() {
        return "jdbc:recall:mem:shell" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void assertHas(String out, String... parts) {
        for (String part : parts) {
            assertTrue(out.contains(part), () -> "missing <" + part + "> in:\n" + out);
        }
    }

    @Test
    void typedSqlAndCommands() throws Exception {
        String out = run("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10));\n"
                + "INSERT INTO t VALUES (1, 'one'), (2, 'two');\n"
                + "SELECT * FROM t ORDER BY id;\n"
                + "EXPLAIN SELECT name FROM t WHERE id = 2;\n"
                + "!tables\n"
                + "!describe T\n"
                + "SELECT nope FROM t;\n"
                + "!quit\n", url());
        assertHas(out, "2 rows affected", "| ID | NAME |", "| 1  | one  |", "2 rows selected (",
                "primary key lookup", "| TABLE_NAME |", "| T          |", "| COLUMN_NAME |", "| NAME        |",
                "state=42703");
    }

    @Test
    void sqlFromTheCommandLineAndFromAFile(@TempDir Path dir) throws Exception {
        String url = url() + ";keep=true";
        Path script = dir.resolve("script.sql");
        Files.writeString(script, "CREATE TABLE k (v INT);\nINSERT INTO k VALUES (41), (1);\n");
        run("", url, "-f", script.toString());
        String out = run("", url, "-e", "SELECT SUM(v) AS total FROM k");
        assertHas(out, "| TOTAL |", "| 42    |", "1 row selected");
    }
}
