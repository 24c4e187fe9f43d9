package io.recall.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.RepairResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// baseline, clean, repair (of a failed migration and of an edited one).
class FlywayCommandsTest {

    @Test
    void baselineAdoptsANonEmptySchema() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            db.exec("CREATE TABLE legacy (id INT PRIMARY KEY, label VARCHAR(20))",
                    "INSERT INTO legacy VALUES (1, 'by hand')");
            Flyway flyway = db.flyway("classpath:flyway/baseline").load();

            FlywayException refused = assertThrows(FlywayException.class, flyway::migrate);
            assertTrue(refused.getMessage().contains("non-empty schema"), refused.getMessage());

            flyway.baseline();
            assertEquals(List.of(
                    "1 | existing table | SQL | BASELINE_IGNORED",
                    "1 | << Flyway Baseline >> | BASELINE | BASELINE",
                    "2 | more rows | SQL | PENDING"), RecallTestDb.describe(flyway.info().all()));

            assertEquals(1, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("1 | by hand", "2 | after baseline"), db.rows("SELECT * FROM legacy ORDER BY id"));
            assertEquals(List.of(
                    "1 | existing table | SQL | BASELINE_IGNORED",
                    "1 | << Flyway Baseline >> | BASELINE | BASELINE",
                    "2 | more rows | SQL | SUCCESS"), RecallTestDb.describe(flyway.info().all()));
            flyway.validate();
        }
    }

    @Test
    void cleanEmptiesTheSchemaAndMigrateBuildsItAgain() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("classpath:flyway/clean").cleanDisabled(false).load();
            flyway.migrate();
            assertEquals(List.of("CHILD", "CHILD_NAMES", "PARENT", "flyway_schema_history"),
                    db.objects("PUBLIC", "TABLE", "VIEW"));

            flyway.clean();
            assertEquals(List.of(), db.objects("PUBLIC", "TABLE", "VIEW"));

            // the same index, constraint and view names can be created again: clean dropped them all
            assertEquals(1, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("c | p"), db.rows("SELECT * FROM child_names"));
            flyway.validate();
        }
    }

    @Test
    void cleanIsRefusedUnlessEnabled() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("classpath:flyway/clean").load();
            flyway.migrate();
            assertThrows(FlywayException.class, flyway::clean);
            assertEquals(List.of("CHILD", "PARENT", "flyway_schema_history"), db.objects("PUBLIC", "TABLE"));
        }
    }

    @Test
    void failedMigrationIsRecordedAndRepairLetsTheFixedOneRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__create_stock.sql"),
                "CREATE TABLE stock (id INT PRIMARY KEY, qty INT NOT NULL);\nINSERT INTO stock VALUES (1, 10);\n");
        Path broken = dir.resolve("V2__restock.sql");
        Files.writeString(broken, "INSERT INTO stock VALUES (2, 20);\nINSERT INTO no_such_table VALUES (3, 30);\n");
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("filesystem:" + dir).load();

            FlywayException failure = assertThrows(FlywayException.class, flyway::migrate);
            SQLException cause = sqlCause(failure);
            assertNotNull(cause, "no SQLException under " + failure);
            assertEquals("42P01", cause.getSQLState());

            // Recall's DDL is not transactional, so Flyway records the failure; the DML of V2 was rolled back
            assertEquals(List.of(
                    "1 | create stock | SQL | SUCCESS",
                    "2 | restock | SQL | FAILED"), RecallTestDb.describe(flyway.info().all()));
            assertEquals("2 | 2 | restock | SQL | V2__restock.sql | FALSE", db.history().get(2));
            assertEquals(List.of("1 | 10"), db.rows("SELECT * FROM stock ORDER BY id"));

            FlywayException stillFailed = assertThrows(FlywayException.class, flyway::migrate);
            assertTrue(stillFailed.getMessage().contains("failed migration"), stillFailed.getMessage());

            Files.writeString(broken, "INSERT INTO stock VALUES (2, 20);\nINSERT INTO stock VALUES (3, 30);\n");
            RepairResult repair = flyway.repair();
            assertEquals(1, repair.migrationsRemoved.size());
            assertEquals(1, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("1 | 10", "2 | 20", "3 | 30"), db.rows("SELECT * FROM stock ORDER BY id"));
            assertEquals(List.of(
                    "1 | create stock | SQL | SUCCESS",
                    "2 | restock | SQL | SUCCESS"), RecallTestDb.describe(flyway.info().all()));
            flyway.validate();
        }
    }

    @Test
    void repairAlignsTheChecksumOfAnEditedAppliedMigration(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("V1__create_shelf.sql");
        Files.writeString(script, "CREATE TABLE shelf (id INT PRIMARY KEY);\n");
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("filesystem:" + dir).load();
            flyway.migrate();

            Files.writeString(script, "-- reworded after it ran\nCREATE TABLE shelf (id INT PRIMARY KEY);\n");
            assertFalse(flyway.validateWithResult().validationSuccessful);

            RepairResult repair = flyway.repair();
            assertEquals(1, repair.migrationsAligned.size());
            flyway.validate();
            assertEquals(0, flyway.migrate().migrationsExecuted);
        }
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }
}
