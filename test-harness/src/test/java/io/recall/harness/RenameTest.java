package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves ALTER TABLE ... RENAME TO and RENAME COLUMN keep the rows, indexes, CHECKs and foreign keys (on both
// sides) working under the new names, and that the old names are gone.
class RenameTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
        exec(conn, "CREATE TABLE author (id INT PRIMARY KEY, name VARCHAR(20) UNIQUE, born INT,"
                        + " CONSTRAINT born_ok CHECK (author.born > 1000))",
                "CREATE INDEX author_born ON author (born)",
                "CREATE TABLE post (id INT PRIMARY KEY, author_id INT REFERENCES author (id), title VARCHAR(20),"
                        + " editor_name VARCHAR(20) REFERENCES author (name), CONSTRAINT titled CHECK (title <> ''))",
                "CREATE INDEX post_author ON post (author_id)",
                "INSERT INTO author VALUES (1, 'Ada', 1815), (2, 'Alan', 1912)",
                "INSERT INTO post VALUES (10, 1, 'Notes', 'Alan')");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private String plan(String query) throws SQLException {
        return String.join("\n", Db.strings(conn, "EXPLAIN " + query));
    }

    @Test
    void renameTableKeepsRowsIndexesAndForeignKeys() throws SQLException {
        try (PreparedStatement old = conn.prepareStatement("SELECT name FROM author WHERE id = ?")) {
            exec(conn, "ALTER TABLE author RENAME TO writer");
            old.setInt(1, 1);
            SQLException gone = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, old::executeQuery);
            assertEquals("42P01", gone.getSQLState(), gone.getMessage());
        }
        assertFails(conn, "42P01", "SELECT * FROM author");
        assertEquals(List.of(List.of("Ada"), List.of("Alan")), rows(conn, "SELECT name FROM writer ORDER BY id"));
        assertTrue(plan("SELECT id FROM writer WHERE born = 1815").contains("index AUTHOR_BORN"));
        assertFails(conn, "23514", "INSERT INTO writer VALUES (3, 'Old', 900)");
        assertFails(conn, "23505", "INSERT INTO writer VALUES (3, 'Ada', 1900)");
        assertFails(conn, "23503", "INSERT INTO post VALUES (11, 99, 'Orphan', NULL)");
        assertFails(conn, "23503", "DELETE FROM writer WHERE id = 1");
        exec(conn, "INSERT INTO writer VALUES (3, 'Grace', 1906)", "INSERT INTO post VALUES (11, 3, 'Cobol', 'Grace')");
        assertEquals(List.of(List.of("Cobol", "Grace")),
                rows(conn, "SELECT p.title, w.name FROM post p JOIN writer w ON w.id = p.author_id WHERE p.id = 11"));
        exec(conn, "CREATE TABLE author (x INT)");
    }

    @Test
    void renameColumnKeepsIndexesChecksAndForeignKeysOnBothSides() throws SQLException {
        exec(conn, "ALTER TABLE author RENAME COLUMN born TO year_born",
                "ALTER TABLE author RENAME name TO full_name",
                "ALTER TABLE post RENAME COLUMN author_id TO writer_id");
        assertFails(conn, "42703", "SELECT born FROM author");
        assertEquals(List.of(List.of("Ada", 1815)), rows(conn, "SELECT full_name, year_born FROM author WHERE id = 1"));
        assertTrue(plan("SELECT id FROM author WHERE year_born = 1815").contains("index AUTHOR_BORN"));
        assertTrue(plan("SELECT id FROM post WHERE writer_id = 1").contains("index POST_AUTHOR"));
        assertFails(conn, "23514", "INSERT INTO author VALUES (3, 'Old', 900)");
        assertFails(conn, "23505", "INSERT INTO author VALUES (3, 'Ada', 1900)");
        assertFails(conn, "23503", "INSERT INTO post VALUES (11, 99, 'Orphan', NULL)");
        assertFails(conn, "23503", "INSERT INTO post VALUES (11, 1, 'Orphan', 'Nobody')");
        assertFails(conn, "23503", "UPDATE author SET full_name = 'A. Turing' WHERE id = 2");
        exec(conn, "INSERT INTO author VALUES (3, 'Grace', 1906)", "INSERT INTO post VALUES (11, 3, 'Cobol', 'Grace')");
        assertEquals(2, Db.count(conn, "SELECT * FROM post"));
    }

    @Test
    void clashesAndMissingNamesAreRefused() throws SQLException {
        assertFails(conn, "42P07", "ALTER TABLE author RENAME TO post");
        assertFails(conn, "42701", "ALTER TABLE author RENAME COLUMN born TO name");
        assertFails(conn, "42703", "ALTER TABLE author RENAME COLUMN nope TO other");
        assertFails(conn, "42P01", "ALTER TABLE nope RENAME TO other");
        exec(conn, "ALTER TABLE IF EXISTS nope RENAME TO other");
        exec(conn, "CREATE VIEW v AS SELECT 1 AS one");
        assertFails(conn, "42P07", "ALTER TABLE author RENAME TO v");
    }
}
