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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves the shell runs SQL typed at it, from -e and from a file: aligned result tables with row counts and
// timing, EXPLAIN, schema listing commands (sqlline's and the psql-style !d, !dt, !dv, !di, !explain), and errors
// with their SQLState.
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

    private static final String SCHEMA = "CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
            + " email VARCHAR(80) UNIQUE, joined DATE DEFAULT DATE '2026-01-01');\n"
            + "CREATE TABLE posts (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " author_id INT NOT NULL REFERENCES authors (id), title VARCHAR(200),"
            + " CONSTRAINT title_set CHECK (LENGTH(title) > 0));\n"
            + "CREATE INDEX posts_author ON posts (author_id DESC, id);\n"
            + "CREATE VIEW titles AS SELECT title FROM posts;\n";

    @Test
    void psqlStyleCommandsListAndDescribe() throws Exception {
        String url = url() + ";keep=true";
        run(SCHEMA + "!quit\n", url);

        assertHas(run("", url, "-e", "!d"),
                "| Schema |  Name   | Type  |  Storage   |",
                "| PUBLIC | AUTHORS | table | ram_copies |",
                "| PUBLIC | POSTS   | table | ram_copies |",
                "| PUBLIC | TITLES  | view  |            |",
                "3 rows selected (");
        String tables = run("", url, "-e", "!dt");
        assertHas(tables, "| PUBLIC | AUTHORS | table | ram_copies |", "2 rows selected (");
        assertFalse(tables.contains("TITLES"), tables);
        assertHas(run("", url, "-e", "!dv"),
                "| Schema |  Name  |          Query          |",
                "| PUBLIC | TITLES | SELECT title FROM posts |");

        assertHas(run("", url, "-e", "!d posts"),
                "| PUBLIC | POSTS | table | ram_copies |       |",
                "|  Column   |          Type          | Nullable | Default  |",
                "| ID        | BIGINT                 | not null | identity |",
                "| AUTHOR_ID | INTEGER                | not null |          |",
                "| TITLE     | CHARACTER VARYING(200) |          |          |",
                "|         Name         |    Kind     |  Column   | Order |",
                "| POSTS_PKEY           | primary key | ID        |       |",
                "| POSTS_AUTHOR         | index       | AUTHOR_ID | DESC  |",
                "| POSTS_AUTHOR         | index       | ID        | ASC   |",
                "| POSTS_AUTHOR_ID_FKEY | foreign key | AUTHOR_ID |       |",
                "| TITLE_SET            | check       |           |       |");
        assertHas(run("", url, "-e", "!d PUBLIC.\"AUTHORS\""),
                "| NAME   | CHARACTER VARYING(40) | not null |                   |",
                "| JOINED | DATE                  |          | DATE '2026-01-01' |",
                "| AUTHORS_PKEY      | primary key  | ID     |       |",
                "| AUTHORS_EMAIL_KEY | unique index | EMAIL  | ASC   |");
        assertHas(run("", url, "-e", "!d titles"), "| PUBLIC | TITLES | view |         | SELECT title FROM posts |");

        assertHas(run("", url, "-e", "!di"),
                "| Schema |  Table  |       Index       | Unique |  Column   | Order |",
                "| PUBLIC | AUTHORS | AUTHORS_EMAIL_KEY | unique | EMAIL     | ASC   |",
                "| PUBLIC | POSTS   | POSTS_AUTHOR      |        | AUTHOR_ID | DESC  |",
                "| PUBLIC | POSTS   | POSTS_AUTHOR      |        | ID        | ASC   |");
        assertHas(run("", url, "-e", "!di authors"),
                "| PUBLIC | AUTHORS | AUTHORS_EMAIL_KEY | unique | EMAIL  | ASC   |", "1 row selected");

        assertHas(run("", url, "-e", "!explain SELECT title FROM posts WHERE author_id = 1"),
                " PLAN ", "| project: 1 columns ", "table PUBLIC.POSTS (ram_copies): index POSTS_AUTHOR lookup");
    }

    @Test
    void psqlStyleCommandsRefuseUnknownTablesAndBadArguments() throws Exception {
        String out = run("CREATE TABLE t (id INT PRIMARY KEY);\n"
                + "!d nosuch\n"
                + "!di nosuch.t\n"
                + "!d a b\n"
                + "!dt t\n"
                + "!explain\n"
                + "!quit\n", url());
        assertHas(out, "Error: Table PUBLIC.NOSUCH not found (state=42P01,code=0)",
                "Error: Schema NOSUCH not found (state=3F000,code=0)",
                "Not a table name: a b; usage: !d [table]",
                "!dt takes no argument",
                "Usage: !explain <query>");
    }
}
