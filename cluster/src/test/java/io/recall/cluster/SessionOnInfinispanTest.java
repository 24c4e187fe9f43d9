package io.recall.cluster;

import io.recall.engine.Database;
import io.recall.engine.DatabaseSettings;
import io.recall.engine.ExecutionOptions;
import io.recall.engine.PreparedCommand;
import io.recall.engine.Result;
import io.recall.engine.Session;
import io.recall.parser.error.RecallException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's session API running on real Infinispan caches: the storage SPI end to end. */
class SessionOnInfinispanTest {
    private Database db;
    private Session s;

    @BeforeEach
    void open() {
        db = Database.open(new InfinispanStore("test"), new DatabaseSettings("test", 500));
        s = db.openSession("sa");
    }

    @AfterEach
    void close() {
        s.close();
        db.close();
    }

    private Result run(String sql) {
        return s.execute(sql, ExecutionOptions.DEFAULT);
    }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Object[] r : run(sql).rows().rows()) {
            out.add(java.util.Arrays.toString(r));
        }
        return out;
    }

    @Test
    void crudThroughTheStore() {
        run("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10), v DECIMAL(5,2))");
        assertEquals(3, run("INSERT INTO t VALUES (1, 'a', 1.5), (2, 'b', NULL), (3, 'c', 3)").updateCount());
        assertEquals(List.of("[2, b]"), rows("SELECT id, name FROM t WHERE id = 2"));
        assertEquals(List.of("[3, c]", "[1, a]"), rows("SELECT id, name FROM t WHERE v IS NOT NULL ORDER BY id DESC"));
        assertEquals(1, run("UPDATE t SET v = v + 1 WHERE name = 'a'").updateCount());
        assertEquals(List.of("[2.50]"), rows("SELECT v FROM t WHERE id IN (1, 7)"));
        assertEquals(2, run("DELETE FROM t WHERE id >= 2").updateCount());
        assertEquals(List.of("[1]"), rows("SELECT id FROM t"));
    }

    @Test
    void failedStatementInsideTransactionIsUndoneAlone() {
        run("CREATE TABLE t (id INT PRIMARY KEY)");
        s.setAutoCommit(false);
        run("INSERT INTO t VALUES (1)");
        RecallException e = assertThrows(RecallException.class, () -> run("INSERT INTO t VALUES (2), (1)"));
        assertEquals("23505", e.sqlState());
        assertEquals(List.of("[1]"), rows("SELECT id FROM t"));
        s.commit();
        assertEquals(List.of("[1]"), rows("SELECT id FROM t"));
    }

    @Test
    void writerWaitsForLockThenTimesOut() {
        run("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
        run("INSERT INTO t VALUES (1, 0)");
        Session other = db.openSession("sa");
        try {
            s.setAutoCommit(false);
            run("UPDATE t SET v = 1 WHERE id = 1");
            other.setLockTimeoutMillis(100);
            RecallException e = assertThrows(RecallException.class,
                    () -> other.execute("UPDATE t SET v = 2 WHERE id = 1", ExecutionOptions.DEFAULT));
            assertEquals("40001", e.sqlState());
            assertTrue(e.getMessage().contains("PUBLIC.T"), e.getMessage());
            assertEquals(List.of("[0]"), other.execute("SELECT v FROM t", ExecutionOptions.DEFAULT).rows().rows()
                    .stream().map(java.util.Arrays::toString).toList());
            s.commit();
            assertEquals(1, other.execute("UPDATE t SET v = 2 WHERE id = 1", ExecutionOptions.DEFAULT).updateCount());
        } finally {
            other.close();
        }
    }

    @Test
    void preparedStatementIsReplannedAfterDdl() {
        run("CREATE TABLE t (id INT PRIMARY KEY)");
        PreparedCommand p = s.prepare("SELECT * FROM t WHERE id = ?");
        p.setParameter(0, 1);
        assertFalse(s.execute(p, ExecutionOptions.DEFAULT).rows().rows().iterator().hasNext());
        run("DROP TABLE t");
        run("CREATE TABLE t (x VARCHAR(5), id INT PRIMARY KEY)");
        run("INSERT INTO t VALUES ('a', 1)");
        assertEquals("[a, 1]", java.util.Arrays.toString(s.execute(p, ExecutionOptions.DEFAULT).rows().rows().get(0)));
    }
}
