package io.recall.harness;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.recall.driver.RecallConnection;
import io.recall.driver.StoredEntry;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Comparator;
import java.util.List;

import static io.recall.harness.Db.assertSqlState;
import static io.recall.harness.Db.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Proves RecallConnection.storedEntries shows a table's cache entries as stored (storage name, key, Object[] row
// rendered as text), committed entries only, up to a limit, also through a HikariCP proxy, and fails with an
// SQLState for an unknown table or a bad argument.
class StoredEntriesTest {

    private static List<StoredEntry> entries(Connection c, String table, int limit) throws Exception {
        List<StoredEntry> entries = c.unwrap(RecallConnection.class).storedEntries(table, limit);
        return entries.stream().sorted(Comparator.comparing(StoredEntry::key)).toList();
    }

    @Test
    void entriesHoldTheKeyAndTheRowInColumnOrder() throws Exception {
        try (Connection c = Db.open(Db.newUrl())) {
            exec(c, "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(20), born DATE, score DECIMAL(5,2),"
                            + " photo VARBINARY(4), active BOOLEAN)",
                    "INSERT INTO person VALUES (1, 'Ada', DATE '1815-12-10', 9.5, X'0a0b', TRUE),"
                            + " (2, 'Say \"hi\"', NULL, NULL, NULL, FALSE)",
                    "CREATE TABLE other (id INT PRIMARY KEY)");
            List<StoredEntry> entries = entries(c, "person", 10);
            assertEquals(2, entries.size());
            StoredEntry ada = entries.get(0);
            assertEquals("t1", ada.storageName());
            assertEquals("1", ada.key());
            assertEquals(List.of("1", "\"Ada\"", "1815-12-10", "9.50", "X'0a0b'", "true"), ada.row());
            assertEquals("cache t1  key 1 -> [1, \"Ada\", 1815-12-10, 9.50, X'0a0b', true]", ada.toString());
            assertEquals(List.of("2", "\"Say \\\"hi\\\"\"", "null", "null", "null", "false"), entries.get(1).row());
            exec(c, "INSERT INTO other VALUES (7)");
            assertEquals("cache t2  key 7 -> [7]", entries(c, "OTHER", 10).get(0).toString());
        }
    }

    @Test
    void compositeAndHiddenKeysLimitsAndAddedColumns() throws Exception {
        try (Connection c = Db.open(Db.newUrl())) {
            exec(c, "CREATE TABLE pair (a INT, b VARCHAR(5), v INT, PRIMARY KEY (a, b))",
                    "INSERT INTO pair VALUES (1, 'x', 10)",
                    "CREATE TABLE bag (v INT)",
                    "INSERT INTO bag VALUES (5), (5), (6)");
            assertEquals("(1, \"x\")", entries(c, "pair", 5).get(0).key());
            List<StoredEntry> bag = entries(c, "bag", 5);
            assertEquals(3, bag.size(), "a table without primary key is keyed by a hidden row id, one per row");
            assertEquals(3, bag.stream().map(StoredEntry::key).distinct().count());
            assertEquals(1, entries(c, "bag", 1).size());
            assertEquals(List.of(), entries(c, "bag", 0));
            assertSqlState("22023", () -> entries(c, "bag", -1));
            exec(c, "ALTER TABLE pair ADD COLUMN w INT DEFAULT 7");
            assertEquals(List.of("1", "\"x\"", "10", "7"), entries(c, "pair", 5).get(0).row(),
                    "a row stored before ADD COLUMN is read padded with the default");
        }
    }

    @Test
    void onlyCommittedEntriesAndNamesAsSqlWritesThem() throws Exception {
        try (Connection c = Db.open(Db.newUrl())) {
            exec(c, "CREATE SCHEMA s", "CREATE TABLE s.\"Mixed\" (id INT PRIMARY KEY)");
            c.setAutoCommit(false);
            exec(c, "INSERT INTO s.\"Mixed\" VALUES (1)");
            assertEquals(List.of(), entries(c, "s.\"Mixed\"", 10), "an uncommitted row is not in the cache yet");
            c.commit();
            assertEquals(1, entries(c, "S.\"Mixed\"", 10).size());
            c.setSchema("S");
            assertEquals(1, entries(c, "\"Mixed\"", 10).size());
            assertSqlState("42P01", () -> entries(c, "mixed", 10));
        }
    }

    @Test
    void unknownTablesAndBadArgumentsFailWithAnSqlState() throws Exception {
        Connection c = Db.open(Db.newUrl());
        try (c) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY)", "CREATE VIEW v AS SELECT id FROM t");
            assertTrue(assertSqlState("42P01", () -> entries(c, "nosuch", 10)).getMessage().contains("NOSUCH"));
            assertSqlState("42P01", () -> entries(c, "v", 10));
            assertSqlState("42P01", () -> entries(c, "nosuch.t", 10));
            assertSqlState("HY024", () -> entries(c, null, 10));
        }
        assertSqlState("08003", () -> entries(c, "t", 10));
    }

    @Test
    void reachableThroughAHikariProxy() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Db.newUrl());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config); Connection c = pool.getConnection()) {
            exec(c, "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(9))", "INSERT INTO t VALUES (3, 'three')");
            assertTrue(c.isWrapperFor(RecallConnection.class));
            assertEquals(List.of(new StoredEntry("t1", "3", List.of("3", "\"three\""))), entries(c, "t", 10));
        }
    }
}
