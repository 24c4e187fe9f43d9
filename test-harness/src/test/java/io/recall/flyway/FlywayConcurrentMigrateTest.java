package io.recall.flyway;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

// Two application instances migrating the same database at once: the history table's lock serializes them,
// so each migration runs exactly once and neither instance fails.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlywayConcurrentMigrateTest {
    private static final int MIGRATORS = 2;
    private static final int MIGRATIONS = 6;

    @Test
    void concurrentMigratorsApplyEachMigrationOnce() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            ExecutorService pool = Executors.newFixedThreadPool(MIGRATORS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<MigrateResult>> results = new ArrayList<>();
                for (int i = 0; i < MIGRATORS; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return db.flyway("classpath:flyway/concurrent").load().migrate();
                    }));
                }
                start.countDown();
                int executed = 0;
                for (Future<MigrateResult> result : results) {
                    executed += result.get(50, TimeUnit.SECONDS).migrationsExecuted;
                }
                assertEquals(MIGRATIONS, executed);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of("2", "3", "4", "5", "6"), db.rows("SELECT id FROM counter ORDER BY id"));
            assertEquals(List.of("1 | TRUE", "2 | TRUE", "3 | TRUE", "4 | TRUE", "5 | TRUE", "6 | TRUE"),
                    db.rows("SELECT \"version\", \"success\" FROM " + RecallTestDb.HISTORY
                            + " WHERE \"installed_rank\" > 0 ORDER BY \"installed_rank\""));
        }
    }

    /** Recall's FOR UPDATE locks rows, so the lock must hold even before any migration has been recorded. */
    @Test
    void theHistoryTableLocksBeforeAnyMigrationIsRecorded(@TempDir Path noMigrations) throws Exception {
        try (RecallTestDb db = new RecallTestDb();
             Connection first = DriverManager.getConnection(db.url);
             Connection second = DriverManager.getConnection(db.url)) {
            db.flyway("filesystem:" + noMigrations).load().migrate();
            assertEquals(1, db.history().size(), "only the lock row");

            String lock = "SELECT * FROM " + RecallTestDb.HISTORY + " FOR UPDATE";
            first.setAutoCommit(false);
            first.createStatement().executeQuery(lock).close();
            second.setAutoCommit(false);
            second.createStatement().execute("SET LOCK_TIMEOUT 100");
            SQLException blocked = assertThrows(SQLException.class, () -> second.createStatement().executeQuery(lock));
            assertEquals("40001", blocked.getSQLState());
            second.rollback();

            first.commit();
            second.createStatement().executeQuery(lock).close();
            second.commit();
        }
    }
}
