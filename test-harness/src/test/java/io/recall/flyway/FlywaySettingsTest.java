package io.recall.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Flyway settings and features that change what reaches Recall: placeholders, out-of-order, callbacks, Java migrations.
class FlywaySettingsTest {

    @Test
    void placeholdersAreReplacedBeforeRecallSeesTheSql() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("classpath:flyway/placeholders")
                    .placeholders(Map.of("table_name", "gadget", "default_label", "made; here"))
                    .load();
            assertEquals(1, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("1 | made; here"), db.rows("SELECT id, label FROM gadget"));
        }
    }

    @Test
    void aLateLowerVersionRunsOnlyOutOfOrder() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            db.flyway("classpath:flyway/outoforder/first").load().migrate();

            Flyway inOrder = db.flyway("classpath:flyway/outoforder/first", "classpath:flyway/outoforder/late").load();
            FlywayException refused = assertThrows(FlywayException.class, inOrder::migrate);
            assertTrue(refused.getMessage().contains("2"), refused.getMessage());

            Flyway outOfOrder = db.flyway("classpath:flyway/outoforder/first", "classpath:flyway/outoforder/late")
                    .outOfOrder(true).load();
            assertEquals(1, outOfOrder.migrate().migrationsExecuted);
            assertEquals(List.of("2 | second", "3 | third"), db.rows("SELECT * FROM event ORDER BY id"));
            assertEquals(List.of(
                    "1 | create events | SQL | SUCCESS",
                    "3 | third | SQL | SUCCESS",
                    "2 | second arrives late | SQL | OUT_OF_ORDER"), RecallTestDb.describe(outOfOrder.info().all()));
            outOfOrder.validate();
        }
    }

    @Test
    void sqlCallbacksRunAfterEachMigrate() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("classpath:flyway/callbacks").load();
            assertEquals(1, flyway.migrate().migrationsExecuted);
            assertEquals(0, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("1 | migrated", "2 | migrated"), db.rows("SELECT * FROM audit ORDER BY id"));
        }
    }

    @Test
    void javaMigrationsRunOnTheMigrationConnection() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("classpath:flyway/java", "classpath:io/recall/flyway/javamigrations").load();
            assertEquals(2, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("1 | 100", "2 | -40"), db.rows("SELECT * FROM ledger ORDER BY id"));
            assertEquals(List.of(
                    "1 | create ledger | SQL | SUCCESS",
                    "2 | Opening entries | JDBC | SUCCESS"), RecallTestDb.describe(flyway.info().all()));
            flyway.validate();
        }
    }
}
