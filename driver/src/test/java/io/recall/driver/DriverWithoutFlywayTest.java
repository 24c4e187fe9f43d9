package io.recall.driver;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// flyway-core is an optional dependency: without it on the classpath the driver still loads, is found as a
// java.sql.Driver service, and runs SQL (the Flyway plugin's classes are reached only from Flyway's service file).
class DriverWithoutFlywayTest {

    @Test
    void driverWorksWithoutFlywayOnTheClasspath() throws Exception {
        try (URLClassLoader withoutFlyway = new URLClassLoader(classpathWithoutFlyway(),
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> withoutFlyway.loadClass("org.flywaydb.core.Flyway"));

            Driver driver = ServiceLoader.load(Driver.class, withoutFlyway).findFirst().orElseThrow();
            assertEquals(RecallDriver.class.getName(), driver.getClass().getName());
            assertTrue(driver.getClass().getClassLoader() == withoutFlyway, "loaded apart from this test's classes");

            try (Connection c = driver.connect("jdbc:recall:mem:", new Properties());
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
                st.execute("INSERT INTO t VALUES (1, 'one')");
                try (ResultSet rs = st.executeQuery("SELECT name FROM t WHERE id = 1")) {
                    assertTrue(rs.next());
                    assertEquals("one", rs.getString(1));
                }
                assertEquals("Recall", c.getMetaData().getDatabaseProductName());
            }
        }
    }

    private static URL[] classpathWithoutFlyway() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        boolean droppedFlyway = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.getFileName().toString().startsWith("flyway-core")) {
                droppedFlyway = true;
            } else {
                urls.add(path.toUri().toURL());
            }
        }
        assertTrue(droppedFlyway, "flyway-core should be on the driver's test classpath: "
                + System.getProperty("java.class.path"));
        return urls.toArray(URL[]::new);
    }
}
