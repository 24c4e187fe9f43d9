package io.recall.harness;

import io.recall.demo.BlogDemo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import static io.recall.harness.Db.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves the BlogDemo runs end to end, prints the expected story, and leaves no database behind.
class DemoTest {

    private static String runDemo() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            BlogDemo.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        original.print(out);
        return out;
    }

    /** The output with every timestamp (stored 2026-11-23T18:22:13.66, through JDBC with a space) as {@code <time>}. */
    private static String withoutTimes(String out) {
        return out.replace("\r\n", "\n")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?", "<time>");
    }

    @Test
    void demoPrintsTheExpectedStory() throws Exception {
        String out = runDemo();
        for (String expected : new String[]{
            "Flyway applied 2 migrations, schema now at version 2: tables AUTHORS, POSTS, COMMENTS",
            "Connected to jdbc:recall:mem:blog (Recall) through a HikariCP pool",
            "Inserted author #1 Ada Lovelace",
            "Inserted author #2 Alan Turing",
            "Inserted post #1 \"Notes on the Analytical Engine\"",
            "Inserted post #3 \"On Computable Numbers\"",
            "Inserted comment #3 by Kurt on post #3",
            "Latest 2 posts:\n  #3 On Computable Numbers\n  #2 Computing Machinery and Intelligence\n",
            "Posts with title LIKE '%Comput%':\n  #2 Computing Machinery and Intelligence\n"
                    + "  #3 On Computable Numbers\n",
            "Post #1: Notes on the Analytical Engine | THE ENGINE WEAVES ALGEBRAIC PATTERNS. | published <time>\n",
            "  comment by Grace: Loops are the future.\n  comment by Edsger: Mind the goto.\n",
            "Posts and comments per author:\n  Ada Lovelace: 1 posts, 2 comments\n"
                    + "  Alan Turing: 2 posts, 1 comments\n",
            "Stored entries of AUTHORS, raw from its Infinispan cache (primary key -> the row as an Object[]):\n"
                    + "  cache t2  key 1 -> [1, \"Ada Lovelace\", \"ada@example.org\", <time>]\n"
                    + "  cache t2  key 2 -> [2, \"Alan Turing\", \"alan@example.org\", <time>]\n"
                    + "The same rows through JDBC (SELECT id, name, email, joined FROM authors ORDER BY id):\n"
                    + "  1 | Ada Lovelace | ada@example.org | <time>\n"
                    + "  2 | Alan Turing | alan@example.org | <time>\n",
            "Committed transaction: author #1 now has 2 posts",
            "Inside the transaction author #2 has 3 posts",
            "Rolled back transaction: draft present = false, author #2 has 2 posts (was 2)",
            "table PUBLIC.POSTS (ram_copies): index POSTS_AUTHOR lookup",
            "index COMMENTS_POST lookup join (inner) into PUBLIC.COMMENTS (ram_copies)",
            "first editor updated 1 row, second editor updated 0 rows and must reload",
            "Duplicate key rejected: SQLState 23505",
            "Pool closed; the database is dropped with its last connection.",
        }) {
            assertTrue(withoutTimes(out).contains(expected), "missing <" + expected + "> in:\n" + out);
        }
    }

    @Test
    void demoLeavesNoDatabaseBehindAndCanRunAgain() throws Exception {
        String first = runDemo();
        String second = runDemo();
        assertEquals(withoutTimes(first), withoutTimes(second));
        try (Connection c = Db.open(BlogDemo.URL)) {
            assertFails(c, "42P01", "SELECT id FROM authors");
        }
    }
}
