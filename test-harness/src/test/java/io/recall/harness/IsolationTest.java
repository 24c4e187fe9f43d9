package io.recall.harness;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.recall.harness.Db.assertFails;
import static io.recall.harness.Db.exec;
import static io.recall.harness.Db.longs;
import static io.recall.harness.Db.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

// What each isolation level guarantees: READ COMMITTED sees each commit from the next statement on; REPEATABLE READ
// reads one snapshot for the whole transaction (no non-repeatable reads, no phantoms, through scans, indexes and key
// order) and refuses to overwrite a row changed since its snapshot (no lost update); readers never block writers.
class IsolationTest {
    private String url;
    private Connection reader;
    private Connection writer;

    @BeforeEach
    void open() throws SQLException {
        url = Db.newUrl();
        reader = DriverManager.getConnection(url + ";lock_timeout=1000");
        writer = DriverManager.getConnection(url + ";lock_timeout=1000");
        exec(writer, "CREATE TABLE acct (id INT PRIMARY KEY, owner VARCHAR(10), bal INT)",
                "CREATE INDEX acct_bal ON acct (bal)",
                "INSERT INTO acct VALUES (1, 'ann', 100), (2, 'bob', 200), (3, 'cy', 300)");
    }

    @AfterEach
    void close() throws SQLException {
        reader.close();
        writer.close();
    }

    private void repeatableRead() throws SQLException {
        reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        reader.setAutoCommit(false);
    }

    @Test
    void readCommittedSeesCommitsFromTheNextStatementOn() throws SQLException {
        reader.setAutoCommit(false);
        assertEquals(List.of(100L), longs(reader, "SELECT bal FROM acct WHERE id = 1"));
        exec(writer, "UPDATE acct SET bal = 150 WHERE id = 1", "INSERT INTO acct VALUES (4, 'di', 400)");
        assertEquals(List.of(150L), longs(reader, "SELECT bal FROM acct WHERE id = 1"));
        assertEquals(List.of(4L), longs(reader, "SELECT COUNT(*) FROM acct"));
        reader.commit();
    }

    @Test
    void repeatableReadRepeatsPointReadsScansAndIndexReads() throws SQLException {
        repeatableRead();
        assertEquals(List.of(600L), longs(reader, "SELECT SUM(bal) FROM acct"));
        exec(writer, "UPDATE acct SET bal = 150 WHERE id = 1", "DELETE FROM acct WHERE id = 2",
                "INSERT INTO acct VALUES (4, 'di', 250)");
        assertEquals(List.of(100L), longs(reader, "SELECT bal FROM acct WHERE id = 1"));
        assertEquals(List.of(200L), longs(reader, "SELECT bal FROM acct WHERE id = 2"));
        assertEquals(List.of(), longs(reader, "SELECT bal FROM acct WHERE id = 4"));
        assertEquals(List.of(600L), longs(reader, "SELECT SUM(bal) FROM acct"));
        assertEquals(List.of(1L, 2L, 3L), longs(reader, "SELECT id FROM acct ORDER BY id"));
        // through the index on bal: the changed rows are read as the snapshot has them
        assertEquals(List.of(1L), longs(reader, "SELECT id FROM acct WHERE bal = 100"));
        assertEquals(List.of(), longs(reader, "SELECT id FROM acct WHERE bal = 150"));
        assertEquals(List.of(2L), longs(reader, "SELECT id FROM acct WHERE bal BETWEEN 190 AND 260"));
        assertEquals(List.of(100L, 200L, 300L), longs(reader, "SELECT bal FROM acct ORDER BY bal"));
        assertEquals(List.of(1L, 2L), longs(reader, "SELECT id FROM acct WHERE bal IN (100, 200, 150, 250) ORDER BY id"));
        reader.commit();
        assertEquals(List.of(1L, 3L, 4L), longs(reader, "SELECT id FROM acct ORDER BY id"));
        assertEquals(List.of(700L), longs(reader, "SELECT SUM(bal) FROM acct"));
    }

    @Test
    void noPhantoms() throws SQLException {
        repeatableRead();
        assertEquals(List.of(2L), longs(reader, "SELECT COUNT(*) FROM acct WHERE bal > 150"));
        exec(writer, "INSERT INTO acct VALUES (5, 'ed', 500)", "INSERT INTO acct VALUES (6, 'fi', 600)");
        assertEquals(List.of(2L), longs(reader, "SELECT COUNT(*) FROM acct WHERE bal > 150"));
        assertEquals(List.of(3L), longs(reader, "SELECT COUNT(*) FROM acct"));
        reader.rollback();
        assertEquals(List.of(4L), longs(reader, "SELECT COUNT(*) FROM acct WHERE bal > 150"));
    }

    @Test
    void ownWritesAreSeenOverTheSnapshot() throws SQLException {
        repeatableRead();
        assertEquals(List.of(3L), longs(reader, "SELECT COUNT(*) FROM acct"));
        exec(writer, "UPDATE acct SET bal = 101 WHERE id = 1");
        exec(reader, "UPDATE acct SET bal = 333 WHERE id = 3", "INSERT INTO acct VALUES (7, 'gu', 700)");
        assertEquals(List.of(100L, 200L, 333L, 700L), longs(reader, "SELECT bal FROM acct ORDER BY id"));
        assertEquals(List.of(3L), longs(reader, "SELECT id FROM acct WHERE bal = 333"));
        reader.commit();
        assertEquals(List.of(101L, 200L, 333L, 700L), longs(writer, "SELECT bal FROM acct ORDER BY id"));
    }

    @Test
    void noLostUpdate() throws SQLException {
        repeatableRead();
        long seen = longs(reader, "SELECT bal FROM acct WHERE id = 2").get(0);
        exec(writer, "UPDATE acct SET bal = bal + 50 WHERE id = 2");
        assertFails(reader, "40001", "UPDATE acct SET bal = " + (seen - 10) + " WHERE id = 2");
        reader.rollback();
        assertEquals(List.of(250L), longs(writer, "SELECT bal FROM acct WHERE id = 2"));
        // a row nobody changed since the snapshot can be written
        exec(reader, "UPDATE acct SET bal = bal - 10 WHERE id = 3");
        reader.commit();
        assertEquals(List.of(290L), longs(writer, "SELECT bal FROM acct WHERE id = 3"));
    }

    @Test
    void readersDoNotBlockWriters() throws SQLException {
        repeatableRead();
        assertEquals(List.of(600L), longs(reader, "SELECT SUM(bal) FROM acct"));
        // would fail with 40001 after the 1 s lock timeout if the reader held locks
        exec(writer, "UPDATE acct SET bal = 0", "DELETE FROM acct WHERE id = 3");
        assertEquals(List.of(600L), longs(reader, "SELECT SUM(bal) FROM acct"));
        reader.commit();
    }

    @Test
    void orderedSetTablesKeepKeyOrderInTheSnapshot() throws SQLException {
        exec(writer, "CREATE TABLE ord (id INT PRIMARY KEY, v VARCHAR(5)) WITH (type = 'ordered_set')",
                "INSERT INTO ord VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
        repeatableRead();
        assertEquals(List.of("a", "b", "c", "d"), strings(reader, "SELECT v FROM ord"));
        exec(writer, "UPDATE ord SET v = 'x' WHERE id = 2", "DELETE FROM ord WHERE id = 3",
                "INSERT INTO ord VALUES (0, 'z')");
        assertEquals(List.of("a", "b", "c", "d"), strings(reader, "SELECT v FROM ord"));
        assertEquals(List.of("b", "c"), strings(reader, "SELECT v FROM ord WHERE id BETWEEN 2 AND 3"));
        reader.commit();
        assertEquals(List.of("z", "a", "x", "d"), strings(reader, "SELECT v FROM ord"));
    }

    @Test
    void ddlSinceTheSnapshotEndsTheTransaction() throws SQLException {
        repeatableRead();
        assertEquals(List.of(3L), longs(reader, "SELECT COUNT(*) FROM acct"));
        exec(writer, "ALTER TABLE acct ADD COLUMN note VARCHAR(5)");
        assertFails(reader, "40001", "SELECT COUNT(*) FROM acct");
        reader.rollback();
        assertEquals(List.of(3L), longs(reader, "SELECT COUNT(*) FROM acct"));
    }

    @Test
    void aSnapshotReaderNeverSeesPartOfATransferAndKeepsItsTotal() throws Exception {
        exec(writer, "DELETE FROM acct");
        for (int i = 0; i < 20; i++) {
            exec(writer, "INSERT INTO acct VALUES (" + i + ", 'a" + i + "', 100)");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread transfers = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (!stop.get()) {
                    int from = random.nextInt(20);
                    int to = random.nextInt(20);
                    exec(c, "UPDATE acct SET bal = bal - 7 WHERE id = " + from,
                            "UPDATE acct SET bal = bal + 7 WHERE id = " + to);
                    c.commit();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        transfers.start();
        try {
            repeatableRead();
            for (int round = 0; round < 20; round++) {
                List<Long> first = longs(reader, "SELECT bal FROM acct ORDER BY id");
                for (int i = 0; i < 10; i++) {
                    assertEquals(List.of(2000L), longs(reader, "SELECT SUM(bal) FROM acct"));
                    assertEquals(first, longs(reader, "SELECT bal FROM acct ORDER BY id"));
                    assertEquals(first.subList(5, 6), longs(reader, "SELECT bal FROM acct WHERE id = 5"));
                }
                reader.commit();
            }
        } finally {
            stop.set(true);
            transfers.join();
        }
        assertNull(failure.get());
        assertEquals(List.of(2000L), longs(writer, "SELECT SUM(bal) FROM acct"));
    }

    private void serializable(Connection c) throws SQLException {
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        c.setAutoCommit(false);
    }

    @Test
    void repeatableReadAllowsWriteSkew() throws SQLException {
        onCallDoctors();
        reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        writer.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        reader.setAutoCommit(false);
        writer.setAutoCommit(false);
        takeLeaveIfAnotherIsOnCall(reader, 1);
        takeLeaveIfAnotherIsOnCall(writer, 2);
        reader.commit();
        writer.commit();
        assertEquals(List.of(0L), longs(reader, "SELECT COUNT(*) FROM doctor WHERE on_call"));
        reader.commit();
    }

    @Test
    void serializablePreventsWriteSkew() throws SQLException {
        onCallDoctors();
        serializable(reader);
        serializable(writer);
        takeLeaveIfAnotherIsOnCall(reader, 1);
        takeLeaveIfAnotherIsOnCall(writer, 2);
        reader.commit();
        Db.assertSqlState("40001", writer::commit);
        assertEquals(List.of(1L), longs(reader, "SELECT COUNT(*) FROM doctor WHERE on_call"));
        reader.commit();
        // retried, the second transaction sees one doctor on call and takes no leave
        takeLeaveIfAnotherIsOnCall(writer, 2);
        writer.commit();
        assertEquals(List.of(1L), longs(reader, "SELECT COUNT(*) FROM doctor WHERE on_call"));
    }

    private void onCallDoctors() throws SQLException {
        exec(writer, "CREATE TABLE doctor (id INT PRIMARY KEY, on_call BOOLEAN)", "INSERT INTO doctor VALUES (1, TRUE), (2, TRUE)");
    }

    private static void takeLeaveIfAnotherIsOnCall(Connection c, int id) throws SQLException {
        if (longs(c, "SELECT COUNT(*) FROM doctor WHERE on_call AND id <> " + id).get(0) > 0) {
            exec(c, "UPDATE doctor SET on_call = FALSE WHERE id = " + id);
        }
    }

    @Test
    void serializablePreventsPhantomsFromChangingADecision() throws SQLException {
        // each transaction inserts a row only if the range is empty: run one at a time, only one would insert
        serializable(reader);
        serializable(writer);
        assertEquals(List.of(0L), longs(reader, "SELECT COUNT(*) FROM acct WHERE bal > 1000"));
        assertEquals(List.of(0L), longs(writer, "SELECT COUNT(*) FROM acct WHERE bal > 1000"));
        exec(reader, "INSERT INTO acct VALUES (10, 'r', 2000)");
        exec(writer, "INSERT INTO acct VALUES (11, 'w', 3000)");
        writer.commit();
        Db.assertSqlState("40001", reader::commit);
        assertEquals(List.of(1L), longs(reader, "SELECT COUNT(*) FROM acct WHERE bal > 1000"));
        reader.commit();
    }

    @Test
    void serializableKeyReadsConflictOnlyOnTheRowsRead() throws SQLException {
        serializable(reader);
        assertEquals(List.of(100L), longs(reader, "SELECT bal FROM acct WHERE id = 1"));
        exec(writer, "UPDATE acct SET bal = 1 WHERE id = 3");
        exec(reader, "UPDATE acct SET bal = 101 WHERE id = 1");
        reader.commit(); // row 3 was not read: no conflict
        exec(reader, "SELECT bal FROM acct WHERE id = 2");
        exec(writer, "UPDATE acct SET bal = 2 WHERE id = 2");
        exec(reader, "UPDATE acct SET bal = 111 WHERE id = 1");
        Db.assertSqlState("40001", reader::commit);
        assertEquals(List.of(101L, 2L, 1L), longs(writer, "SELECT bal FROM acct ORDER BY id"));
    }

    @Test
    void aSerializableReadOnlyTransactionCommits() throws SQLException {
        serializable(reader);
        assertEquals(List.of(600L), longs(reader, "SELECT SUM(bal) FROM acct"));
        exec(writer, "UPDATE acct SET bal = 0 WHERE id = 1");
        assertEquals(List.of(600L), longs(reader, "SELECT SUM(bal) FROM acct"));
        reader.commit();
    }

    @Test
    void serializableTransfersWithRetriesKeepTheTotal() throws Exception {
        int threads = 3;
        Thread[] workers = new Thread[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                // opposite transfers can deadlock: a short lock timeout turns that into a 40001 retry
                try (Connection c = DriverManager.getConnection(url + ";lock_timeout=300")) {
                    serializable(c);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int done = 0; done < 30; ) {
                        int from = 1 + random.nextInt(3);
                        int to = 1 + random.nextInt(3);
                        try {
                            long total = longs(c, "SELECT SUM(bal) FROM acct").get(0);
                            if (total != 600) {
                                throw new AssertionError("total " + total);
                            }
                            exec(c, "UPDATE acct SET bal = bal - 5 WHERE id = " + from,
                                    "UPDATE acct SET bal = bal + 5 WHERE id = " + to);
                            c.commit();
                            done++;
                        } catch (SQLException e) {
                            if (!"40001".equals(e.getSQLState())) {
                                throw e;
                            }
                            c.rollback();
                            retries.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        assertNull(failure.get());
        assertEquals(List.of(600L), longs(writer, "SELECT SUM(bal) FROM acct"));
    }
}
