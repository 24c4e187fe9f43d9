package io.recall.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

// migrate, info and validate with versioned and repeatable SQL migrations, configured by URL only.
class FlywayMigrateTest {

    @Test
    void migrateAppliesVersionedAndRepeatableMigrationsOnce() throws Exception {
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("classpath:flyway/migrate").load();

            MigrateResult first = flyway.migrate();
            assertEquals(3, first.migrationsExecuted);
            assertTrue(first.success);

            assertEquals(List.of(
                    "1 | create people | SQL | SUCCESS",
                    "2 | index and addresses | SQL | SUCCESS",
                    "- | person cities | SQL | SUCCESS"), RecallTestDb.describe(flyway.info().all()));
            assertEquals(List.of(
                    "-1 | null | << Flyway Schema History table created >> | TABLE |  | TRUE",
                    "1 | 1 | create people | SQL | V1__create_people.sql | TRUE",
                    "2 | 2 | index and addresses | SQL | V2__index_and_addresses.sql | TRUE",
                    "3 | null | person cities | SQL | R__person_cities.sql | TRUE"), db.history());

            // comments were skipped and semicolons inside string literals kept
            assertEquals(List.of(
                    "1 | Ada | moved; twice",
                    "2 | O'Brien | -- not a comment /* nor this */ ;"),
                    db.rows("SELECT id, name, motto FROM person ORDER BY id"));
            assertEquals(List.of("Ada | London", "O'Brien | Cork"),
                    db.rows("SELECT name, city FROM person_cities ORDER BY name"));
            assertEquals(List.of("ADDRESS", "PERSON", "flyway_schema_history"), db.objects("PUBLIC", "TABLE"));

            assertTrue(flyway.validateWithResult().validationSuccessful);
            flyway.validate();
            MigrateResult second = flyway.migrate();
            assertEquals(0, second.migrationsExecuted);
            assertEquals(4, db.history().size());
        }
    }

    /** With no connection held between commands, a named in-memory database must be kept to outlive them. */
    @Test
    void migrateByUrlAloneOnAKeptDatabase() throws Exception {
        String url = "jdbc:recall:mem:flywaykept" + UUID.randomUUID().toString().replace("-", "") + ";keep=true";
        Flyway flyway = Flyway.configure().dataSource(url, RecallTestDb.USER, RecallTestDb.PASSWORD)
                .locations("classpath:flyway/kept").load();
        assertEquals(1, flyway.migrate().migrationsExecuted);
        assertEquals(0, flyway.migrate().migrationsExecuted);
        try (Connection c = DriverManager.getConnection(url);
             ResultSet rs = c.createStatement().executeQuery("SELECT body FROM note")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }

    @Test
    void changedRepeatableMigrationIsAppliedAgain(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__create_tool.sql"),
                "CREATE TABLE tool (id INT PRIMARY KEY, name VARCHAR(20), weight INT);\n"
                        + "INSERT INTO tool VALUES (1, 'hammer', 900);\n");
        Path view = dir.resolve("R__tool_view.sql");
        Files.writeString(view, "CREATE OR REPLACE VIEW tool_view AS SELECT name FROM tool;\n");
        try (RecallTestDb db = new RecallTestDb()) {
            Flyway flyway = db.flyway("filesystem:" + dir).load();
            assertEquals(2, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("hammer"), db.rows("SELECT * FROM tool_view"));

            assertEquals(0, flyway.migrate().migrationsExecuted);

            Files.writeString(view, "CREATE OR REPLACE VIEW tool_view AS SELECT name, weight FROM tool;\n");
            assertEquals(1, flyway.migrate().migrationsExecuted);
            assertEquals(List.of("hammer | 900"), db.rows("SELECT * FROM tool_view"));
            assertEquals(List.of(
                    "1 | create tool | SQL | SUCCESS",
                    "- | tool view | SQL | SUPERSEDED",
                    "- | tool view | SQL | SUCCESS"), RecallTestDb.describe(flyway.info().all()));
            flyway.validate();
        }
    }
}
