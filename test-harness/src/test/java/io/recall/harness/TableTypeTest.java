package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.assertPlanHas;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.rows;
import static io.recall.harness.Db.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Storage and table types through JDBC: {@code CREATE TABLE ... WITH (storage = '...', type = '...')}, what
 * INFORMATION_SCHEMA, {@code getTables} REMARKS and EXPLAIN report, the refusals (disc types in an in-memory
 * database, unknown options, ordered_set without a primary key, ALTER TABLE ... SET), and that an
 * {@code ordered_set} table really keeps key order: a read without ORDER BY, key ranges and ORDER BY the key
 * (with and without LIMIT, without a sort) come out in key order, also with the transaction's own uncommitted
 * rows, while {@code set} tables work as before.
 */
class TableTypeTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = Db.open(Db.newUrl());
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private void assertNoSort(String query) throws SQLException {
        String plan = Db.plan(conn, query);
        assertFalse(plan.contains("sort"), () -> "plan of " + query + " sorts:\n" + plan);
    }

    /** The table's STORAGE_TYPE and SET_TYPE in INFORMATION_SCHEMA.TABLES, and its REMARKS in getTables. */
    private List<Object> types(String table) throws SQLException {
        List<List<Object>> info = rows(conn, "SELECT storage_type, set_type FROM information_schema.tables "
                + "WHERE table_name = '" + table + "'");
        assertEquals(1, info.size(), table);
        List<Object> out = new ArrayList<>(info.get(0));
        try (ResultSet rs = conn.getMetaData().getTables(null, null, table, new String[]{"TABLE"})) {
            assertTrue(rs.next(), table);
            out.add(rs.getString("REMARKS"));
        }
        return out;
    }

    /** Inserts ids 1..n in a shuffled order, each with v = id % 10 and a name. */
    private List<Long> insertShuffled(String table, int n, long seed) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, new Random(seed));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.setLong(2, id % 10);
                ps.setString(3, "n" + id);
                ps.executeUpdate();
            }
        }
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return sorted;
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void optionsAreReportedByInformationSchemaRemarksAndExplain() throws SQLException {
        exec(conn, "CREATE TABLE plain (id INT PRIMARY KEY)",
                "CREATE TABLE ord (id INT PRIMARY KEY) WITH (type = 'ordered_set')",
                "CREATE TABLE hashed (id INT PRIMARY KEY) WITH (storage = 'RAM_COPIES', type = 'set')",
                "CREATE TABLE nokey (a INT, b INT) WITH (storage = 'ram_copies')");
        assertEquals(List.of("ram_copies", "set", "ram_copies, set"), types("PLAIN"));
        assertEquals(List.of("ram_copies", "ordered_set", "ram_copies, ordered_set"), types("ORD"));
        assertEquals(List.of("ram_copies", "set", "ram_copies, set"), types("HASHED"));
        assertEquals(List.of("ram_copies", "set", "ram_copies, set"), types("NOKEY"));
        assertPlanHas(conn, "SELECT * FROM ord", "table PUBLIC.ORD (ram_copies, ordered_set): scan in key order");
        assertPlanHas(conn, "SELECT * FROM plain", "table PUBLIC.PLAIN (ram_copies): scan");
        assertFalse(Db.plan(conn, "SELECT * FROM plain").contains("key order"));
    }

    @Test
    void optionsSurviveRenamesAndRowRewrites() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, v INT, w INT) WITH (type = 'ordered_set')",
                "INSERT INTO t VALUES (3, 30, 0), (1, 10, 0), (2, 20, 0)",
                "ALTER TABLE t RENAME TO u", "ALTER TABLE u RENAME COLUMN v TO vv",
                "ALTER TABLE u ADD COLUMN x INT DEFAULT 7");
        assertEquals(List.of("ram_copies", "ordered_set", "ram_copies, ordered_set"), types("U"));
        exec(conn, "ALTER TABLE u DROP COLUMN w", "ALTER TABLE u ALTER COLUMN id TYPE BIGINT",
                "INSERT INTO u VALUES (0, 0, 7)");
        assertEquals(List.of("ram_copies", "ordered_set", "ram_copies, ordered_set"), types("U"));
        assertEquals(List.of(0L, 1L, 2L, 3L), longs(conn, "SELECT id FROM u"));
        assertPlanHas(conn, "SELECT id FROM u", "table PUBLIC.U (ram_copies, ordered_set): scan in key order");
    }

    @Test
    void discTypesNeedAFileDatabase() throws SQLException {
        for (String storage : List.of("disc_copies", "disc_only_copies")) {
            SQLException e = assertFails(conn, "0A000",
                    "CREATE TABLE t (id INT PRIMARY KEY) WITH (storage = '" + storage + "')");
            assertTrue(e.getMessage().contains("jdbc:recall:file:"), e.getMessage());
            assertTrue(e.getMessage().contains(storage), e.getMessage());
        }
        assertTrue(rows(conn, "SELECT * FROM information_schema.tables WHERE table_name = 'T'").isEmpty());
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY) WITH (storage = 'ram_copies')");
    }

    @Test
    void badOptionsAreNamed() throws SQLException {
        assertTrue(assertFails(conn, "42601", "CREATE TABLE t (id INT PRIMARY KEY) WITH (fillfactor = 70)")
                .getMessage().contains("fillfactor"));
        assertTrue(assertFails(conn, "22023", "CREATE TABLE t (id INT PRIMARY KEY) WITH (storage = 'tape')")
                .getMessage().contains("tape"));
        assertTrue(assertFails(conn, "22023", "CREATE TABLE t (id INT PRIMARY KEY) WITH (type = 'bag')")
                .getMessage().contains("bag"));
        assertFails(conn, "0A000", "CREATE TABLE t (id INT PRIMARY KEY) ENGINE = InnoDB");
        assertFails(conn, "42P16", "CREATE TABLE t (a INT) WITH (type = 'ordered_set')");
    }

    @Test
    void anOrderedSetKeepsItsPrimaryKey() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, v INT) WITH (type = 'ordered_set')",
                "INSERT INTO t VALUES (2, 1), (1, 2)");
        assertFails(conn, "42P16", "ALTER TABLE t DROP PRIMARY KEY");
        assertFails(conn, "42P16", "ALTER TABLE t DROP COLUMN id");
        assertEquals(List.of(1L, 2L), longs(conn, "SELECT id FROM t"));
    }

    @Test
    void alterTableSetMovesTheTableToAnotherType() throws SQLException {
        exec(conn, "CREATE TABLE t (id INT PRIMARY KEY, v INT)", "CREATE INDEX t_v ON t (v)",
                "INSERT INTO t VALUES (3, 30), (1, 10), (2, 20)");
        exec(conn, "ALTER TABLE t SET (type = 'ordered_set')");
        assertEquals(List.of("ram_copies", "ordered_set", "ram_copies, ordered_set"), types("T"));
        assertEquals(List.of(1L, 2L, 3L), longs(conn, "SELECT id FROM t"));
        assertEquals(List.of(2L), longs(conn, "SELECT id FROM t WHERE v = 20"));
        exec(conn, "ALTER TABLE t SET (storage = 'ram_copies', type = 'set')");
        assertEquals(List.of("ram_copies", "set", "ram_copies, set"), types("T"));
        assertTrue(assertFails(conn, "0A000", "ALTER TABLE t SET (storage = 'disc_copies')").getMessage()
                .contains("jdbc:recall:file:"));
        assertFails(conn, "42601", "ALTER TABLE t SET (fillfactor = 70)");
        exec(conn, "CREATE TABLE nokey (v INT)");
        assertFails(conn, "42P16", "ALTER TABLE nokey SET (type = 'ordered_set')");
        assertEquals(3, Db.count(conn, "SELECT * FROM t"));
    }

    @Test
    void aReadWithoutOrderByComesInKeyOrder() throws SQLException {
        exec(conn, "CREATE TABLE t (id BIGINT PRIMARY KEY, v INT, name VARCHAR(10)) WITH (type = 'ordered_set')");
        List<Long> all = insertShuffled("t", 1500, 5);
        assertEquals(all, longs(conn, "SELECT id FROM t"));
        assertEquals(all.subList(0, 150), longs(conn, "SELECT id FROM t WHERE v = 1 OR v <> 1 LIMIT 150"));
        List<Long> sevens = new ArrayList<>();
        all.stream().filter(id -> id % 10 == 7).forEach(sevens::add);
        assertEquals(sevens, longs(conn, "SELECT id FROM t WHERE name LIKE '%7'"));
        exec(conn, "DELETE FROM t WHERE v = 3", "UPDATE t SET name = 'x' WHERE v = 4",
                "INSERT INTO t VALUES (-5, 0, 'neg'), (100000, 0, 'big')");
        List<Long> now = new ArrayList<>(List.of(-5L));
        all.stream().filter(id -> id % 10 != 3).forEach(now::add);
        now.add(100000L);
        assertEquals(now, longs(conn, "SELECT id FROM t"));
        exec(conn, "SET FORCE_SCAN TRUE");
        assertEquals(now, longs(conn, "SELECT id FROM t"));
        assertPlanHas(conn, "SELECT id FROM t", "scan in key order (forced)");
    }

    @Test
    void compositeAndTextKeysComeInKeyOrder() throws SQLException {
        exec(conn, "CREATE TABLE t (g VARCHAR(5), n INT, PRIMARY KEY (g, n)) WITH (type = 'ordered_set')",
                "INSERT INTO t VALUES ('b', 2), ('a', 10), ('B', 1), ('b', -1), ('a', 9), ('ab', 0)");
        assertEquals(List.of(List.of("B", 1), List.of("a", 9), List.of("a", 10), List.of("ab", 0),
                List.of("b", -1), List.of("b", 2)), rows(conn, "SELECT g, n FROM t"));
        assertEquals(List.of(List.of("a", 9), List.of("a", 10)), rows(conn, "SELECT g, n FROM t WHERE g = 'a'"));
        assertPlanHas(conn, "SELECT g, n FROM t WHERE g = 'a'", "primary key prefix lookup");
        assertEquals(List.of(List.of("b", -1), List.of("b", 2)),
                rows(conn, "SELECT g, n FROM t WHERE g = 'b' AND n BETWEEN -3 AND 3"));
        assertPlanHas(conn, "SELECT g, n FROM t WHERE g = 'b' AND n BETWEEN -3 AND 3", "primary key range");
    }

    @Test
    void ownUncommittedRowsComeInKeyOrderToo() throws SQLException {
        exec(conn, "CREATE TABLE t (id BIGINT PRIMARY KEY, v INT, name VARCHAR(10)) WITH (type = 'ordered_set')");
        insertShuffled("t", 200, 9);
        try (Connection other = Db.open(conn.getMetaData().getURL())) {
            conn.setAutoCommit(false);
            List<Long> added = new ArrayList<>(List.of(1000L, -1L, 150L + 1000, 555L, 0L, 201L));
            Collections.shuffle(added, new Random(3));
            for (long id : added) {
                exec(conn, "INSERT INTO t VALUES (" + id + ", 1, 'tx')");
            }
            exec(conn, "DELETE FROM t WHERE id BETWEEN 10 AND 19", "UPDATE t SET name = 'changed' WHERE id = 50",
                    "UPDATE t SET id = 10000 WHERE id = 20");
            List<Long> mine = new ArrayList<>(List.of(-1L, 0L));
            range(1, 200).stream().filter(id -> id < 10 || id > 20).forEach(mine::add);
            mine.addAll(List.of(201L, 555L, 1000L, 1150L, 10000L));
            assertEquals(mine, longs(conn, "SELECT id FROM t"));
            assertEquals(List.of(-1L, 0L, 1L), longs(conn, "SELECT id FROM t ORDER BY id LIMIT 3"));
            assertNoSort("SELECT id FROM t ORDER BY id LIMIT 3");
            assertEquals(List.of(10000L, 1150L, 1000L), longs(conn, "SELECT id FROM t ORDER BY id DESC LIMIT 3"));
            assertEquals(List.of(8L, 9L, 21L, 22L), longs(conn, "SELECT id FROM t WHERE id > 7 AND id < 23"));
            assertEquals(List.of(199L, 200L, 201L, 555L), longs(conn, "SELECT id FROM t WHERE id BETWEEN 199 AND 999"));
            assertEquals(List.of("changed"), strings(conn, "SELECT name FROM t WHERE id BETWEEN 50 AND 50"));
            assertEquals(range(1, 200), longs(other, "SELECT id FROM t"), "others see only committed rows");
            conn.commit();
            assertEquals(mine, longs(conn, "SELECT id FROM t"));
            assertEquals(mine, longs(other, "SELECT id FROM t"));
            exec(conn, "INSERT INTO t VALUES (-100, 0, 'gone')", "DELETE FROM t WHERE id = 0");
            assertEquals(List.of(-100L, -1L, 1L), longs(conn, "SELECT id FROM t LIMIT 3"));
            conn.rollback();
            conn.setAutoCommit(true);
            assertEquals(mine, longs(conn, "SELECT id FROM t"));
        }
    }

    @Test
    void keyRangesAreReadInOrderThroughTheKeyOrder() throws SQLException {
        exec(conn, "CREATE TABLE t (id BIGINT PRIMARY KEY, v INT, name VARCHAR(10)) WITH (type = 'ordered_set')");
        insertShuffled("t", 2000, 7);
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM t WHERE id BETWEEN ? AND ?")) {
            ps.setLong(1, 500);
            ps.setLong(2, 1900);
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(range(500, 1900), all(rs));
            }
        }
        assertEquals(range(1995, 2000), longs(conn, "SELECT id FROM t WHERE id > 1994"));
        assertEquals(range(1, 4), longs(conn, "SELECT id FROM t WHERE 5 > id"));
        assertEquals(range(11, 19), longs(conn, "SELECT id FROM t WHERE id > 10 AND id < 20 AND name <> 'x'"));
        // even a range over most of the table is read through the key order (a scan would walk it anyway)
        assertPlanHas(conn, "SELECT id FROM t WHERE id BETWEEN 500 AND 1900",
                "table PUBLIC.T (ram_copies, ordered_set): primary key range (~");
        assertPlanHas(conn, "SELECT id FROM t WHERE id > 1994", "primary key range (~", " of 2000 rows)");
    }

    @Test
    void orderByTheKeyNeedsNoSort() throws SQLException {
        exec(conn, "CREATE TABLE t (id BIGINT PRIMARY KEY, v INT, name VARCHAR(10)) WITH (type = 'ordered_set')");
        List<Long> all = insertShuffled("t", 300, 11);
        String first = "SELECT id FROM t ORDER BY id LIMIT 5";
        assertEquals(range(1, 5), longs(conn, first));
        assertPlanHas(conn, first, "table PUBLIC.T (ram_copies, ordered_set): primary key in order, limit");
        assertNoSort(first);
        String last = "SELECT id FROM t ORDER BY id DESC LIMIT 3 OFFSET 1";
        assertEquals(List.of(299L, 298L, 297L), longs(conn, last));
        assertPlanHas(conn, last, "primary key in order, backward, limit");
        String ranged = "SELECT id FROM t WHERE id >= 100 ORDER BY id DESC LIMIT 2";
        assertEquals(List.of(300L, 299L), longs(conn, ranged));
        assertPlanHas(conn, ranged, "primary key range in order, backward, limit");
        String whole = "SELECT id, name FROM t ORDER BY id";
        assertEquals(all, longs(conn, whole));
        assertPlanHas(conn, whole, "primary key in order");
        assertNoSort(whole);
        String other = "SELECT id FROM t ORDER BY name LIMIT 3";
        assertPlanHas(conn, other, "sort: top-N");
        assertEquals(List.of(1L, 10L, 100L), longs(conn, other));
    }

    @Test
    void readsThroughOtherIndexesAreSortedByKey() throws SQLException {
        exec(conn, "CREATE TABLE t (id BIGINT PRIMARY KEY, v INT, name VARCHAR(10)) WITH (type = 'ordered_set')",
                "CREATE INDEX t_name ON t (name)");
        insertShuffled("t", 3000, 13);
        String byName = "SELECT id FROM t WHERE name BETWEEN 'n2990' AND 'n2999'";
        assertEquals(range(2990, 2999), longs(conn, byName));
        assertPlanHas(conn, byName, "index T_NAME range", "sorted by key");
        assertEquals(List.of(3L, 7L, 2000L), longs(conn, "SELECT id FROM t WHERE id IN (2000, 7, 3)"));
        assertEquals(List.of(3L, 7L, 2000L), longs(conn, "SELECT id FROM t WHERE name IN ('n2000', 'n7', 'n3')"));
    }

    @Test
    void setTablesStillWork() throws SQLException {
        exec(conn, "CREATE TABLE s (id BIGINT PRIMARY KEY, v INT, name VARCHAR(10)) WITH (type = 'set')",
                "CREATE TABLE d (id BIGINT PRIMARY KEY, v INT, name VARCHAR(10))");
        List<Long> all = insertShuffled("s", 1200, 17);
        insertShuffled("d", 1200, 17);
        for (String table : List.of("s", "d")) {
            List<Long> read = longs(conn, "SELECT id FROM " + table);
            Collections.sort(read);
            assertEquals(all, read);
            assertEquals(range(1, 10), longs(conn, "SELECT id FROM " + table + " WHERE id <= 10 ORDER BY id"));
            assertPlanHas(conn, "SELECT id FROM " + table + " WHERE id <= 10", "(ram_copies): scan");
            assertPlanHas(conn, "SELECT id FROM " + table + " ORDER BY id LIMIT 3", "sort: top-N");
            assertEquals(List.of(1200L), longs(conn, "SELECT id FROM " + table + " WHERE id = 1200"));
        }
        assertEquals(List.of(List.of(1200L)), rows(conn, "SELECT COUNT(*) FROM s JOIN d ON d.id = s.id"));
    }

    @Test
    void joinsReadAnOrderedSetLikeAnyTable() throws SQLException {
        exec(conn, "CREATE TABLE t (id BIGINT PRIMARY KEY, v INT, name VARCHAR(10)) WITH (type = 'ordered_set')",
                "CREATE TABLE u (id BIGINT PRIMARY KEY, t_id BIGINT)");
        insertShuffled("t", 100, 19);
        exec(conn, "INSERT INTO u VALUES (1, 5), (2, 50), (3, 500)");
        assertEquals(List.of(List.of(1L, "n5"), List.of(2L, "n50")),
                rows(conn, "SELECT u.id, t.name FROM u JOIN t ON t.id = u.t_id ORDER BY u.id"));
        assertEquals(List.of(List.of(4L + 9 + 9)),
                rows(conn, "SELECT COUNT(*) FROM t JOIN u ON t.id < u.t_id WHERE t.id < 10"));
    }

    private static List<Long> all(ResultSet rs) throws SQLException {
        List<Long> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getLong(1));
        }
        return out;
    }

    @Test
    void remarksFollowTheTableInMetadata() throws SQLException {
        exec(conn, "CREATE SCHEMA app", "CREATE TABLE app.o (k VARCHAR(3) PRIMARY KEY) WITH (type = 'ordered_set')",
                "CREATE VIEW app.vo AS SELECT k FROM app.o");
        DatabaseMetaData md = conn.getMetaData();
        try (ResultSet rs = md.getTables(null, "APP", "%", null)) {
            List<String> remarks = new ArrayList<>();
            while (rs.next()) {
                remarks.add(rs.getString("TABLE_NAME") + ": " + rs.getString("REMARKS"));
            }
            assertEquals(List.of("O: ram_copies, ordered_set", "VO: "), remarks);
        }
    }
}
