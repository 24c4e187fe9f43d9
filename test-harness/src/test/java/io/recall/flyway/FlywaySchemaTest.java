package io.recall.flyway;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

// Flyway in a schema of its own, which it creates, makes current for the migrations, and cleans.
class FlywaySchemaTest {

    @Test
    void flywayCreatesMigratesAndCleansItsOwnSchema() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("classpath:flyway/schema").schemas("INVENTORY").cleanDisabled(false).load();
            assertEquals(1, flyway.migrate().migrationsExecuted);

            assertEquals(List.of("STOCK", "flyway_schema_history"), db.objects("INVENTORY", "TABLE"));
            assertEquals(List.of(), db.objects("PUBLIC", "TABLE"));
            assertEquals(List.of("1 | 5"), db.rows("SELECT * FROM inventory.stock"));
            assertEquals(List.of(
                    "- | << Flyway Schema Creation >> | SCHEMA | SUCCESS",
                    "1 | create stock | SQL | SUCCESS"), RecallTestDb.describe(flyway.info().all()));
            flyway.validate();

            flyway.clean();
            assertEquals(List.of(), db.objects("INVENTORY", "TABLE"));
            assertEquals(1, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("1 | 5"), db.rows("SELECT * FROM inventory.stock"));
        }
    }
}
