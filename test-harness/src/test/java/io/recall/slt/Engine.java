package io.recall.slt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A database the gauge can run scripts on; its name is what skipif/onlyif lines are matched against. */
enum Engine {
    RECALL("recall", "jdbc:recall:mem:slt"),
    // H2 drops an in-memory database when its last connection closes
    H2("h2", "jdbc:h2:mem:slt");

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String sltName;
    private final String urlPrefix;

    Engine(String sltName, String urlPrefix) {
        this.sltName = sltName;
        this.urlPrefix = urlPrefix;
    }

    String sltName() {
        return sltName;
    }

    /** A fresh, empty database of this engine; closing the connection drops it. */
    Connection openFreshDatabase() throws SQLException {
        return DriverManager.getConnection(urlPrefix + DATABASES.incrementAndGet());
    }

    static Engine named(String name) {
        for (Engine e : values()) {
            if (e.sltName.equals(name.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine " + name + " (known: recall, h2)");
    }
}
