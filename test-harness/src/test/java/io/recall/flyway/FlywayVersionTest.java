package io.recall.flyway;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

// The Flyway tests run once per Flyway line (see test-harness/pom.xml); this proves which one is loaded.
class FlywayVersionTest {

    @Test
    void theFlywayOnTheClasspathIsTheOneThisRunIsFor() throws IOException {
        String expected = System.getProperty("flyway.expectedVersion");
        assertNotNull(expected, "the surefire execution must set flyway.expectedVersion");
        try (InputStream in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
            assertNotNull(in, "flyway-core carries its version in org/flywaydb/core/internal/version.txt");
            assertEquals(expected, new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
        String jar = Flyway.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.endsWith("flyway-core-" + expected + ".jar"), jar);
    }
}
