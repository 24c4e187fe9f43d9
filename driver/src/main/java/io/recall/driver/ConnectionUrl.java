package io.recall.driver;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:recall:} URL with its settings, so the rules live in one place.
 *
 * <p>Form: {@code jdbc:recall:mem:<name>[;key=value]...}. An empty name means a private database
 * for one connection. Settings come from the URL and from the {@link Properties} given to
 * {@code connect}; keys are case-insensitive and <b>a key in the URL wins over the same key in the
 * Properties</b>. Known keys: {@code user}, {@code password} (accepted, not checked yet),
 * {@code keep} (true: the database outlives its last connection), {@code lock_timeout}
 * (milliseconds, default 10000). Any other key is refused with 08001 naming it.
 * {@code jdbc:recall:file:} is refused with 0A000 until disc-backed databases exist.
 */
record ConnectionUrl(String url, String name, String user, String password, boolean keep, long lockTimeoutMillis,
                     boolean lockTimeoutGiven) {
    static final String PREFIX = "jdbc:recall:";
    static final String MEM = "mem:";
    static final String FILE = "file:";
    static final String DEFAULT_USER = "SA";
    static final long DEFAULT_LOCK_TIMEOUT = 10_000;
    static final String[] KEYS = {"user", "password", "keep", "lock_timeout"};

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** True for a private database that belongs to one connection. */
    boolean isPrivate() {
        return name.isEmpty();
    }

    static ConnectionUrl parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) {
            throw SqlExceptions.create("Not a Recall URL (expected " + PREFIX + MEM + "<name>): " + url,
                    SqlExceptions.CONNECTION_FAILED);
        }
        String rest = url.substring(PREFIX.length());
        if (rest.regionMatches(true, 0, FILE, 0, FILE.length())) {
            throw new SQLFeatureNotSupportedException("Disc-backed databases are not available yet (" + url
                    + "); use " + PREFIX + MEM + "<name>", SqlExceptions.NOT_SUPPORTED);
        }
        if (!rest.regionMatches(true, 0, MEM, 0, MEM.length())) {
            throw SqlExceptions.create("Unknown database kind in " + url + " (expected " + PREFIX + MEM + "<name>)",
                    SqlExceptions.CONNECTION_FAILED);
        }
        String[] parts = rest.substring(MEM.length()).split(";", -1);
        Map<String, String> settings = new LinkedHashMap<>();
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                settings.put(checkKey(key), info.getProperty(key));
            }
        }
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw SqlExceptions.create("Malformed setting '" + part + "' in " + url + " (expected key=value)",
                        SqlExceptions.CONNECTION_FAILED);
            }
            settings.put(checkKey(part.substring(0, eq).trim()), part.substring(eq + 1).trim());
        }
        String user = settings.getOrDefault("user", DEFAULT_USER);
        String lockTimeout = settings.get("lock_timeout");
        return new ConnectionUrl(url, parts[0], user.isEmpty() ? DEFAULT_USER : user, settings.get("password"),
                parseKeep(settings.get("keep")), parseLockTimeout(lockTimeout), lockTimeout != null);
    }

    private static String checkKey(String key) throws SQLException {
        String k = key.toLowerCase(Locale.ROOT);
        for (String known : KEYS) {
            if (known.equals(k)) {
                return k;
            }
        }
        throw SqlExceptions.create("Unknown connection property '" + key + "' (known: user, password, keep, "
                + "lock_timeout)", SqlExceptions.CONNECTION_FAILED);
    }

    private static boolean parseKeep(String value) throws SQLException {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw SqlExceptions.create("Property keep must be true or false, not '" + value + "'",
                SqlExceptions.CONNECTION_FAILED);
    }

    private static long parseLockTimeout(String value) throws SQLException {
        if (value == null) {
            return DEFAULT_LOCK_TIMEOUT;
        }
        long ms;
        try {
            ms = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            ms = -1;
        }
        if (ms >= 0) {
            return ms;
        }
        throw SqlExceptions.create("Property lock_timeout must be a number of milliseconds >= 0, not '" + value
                + "'", SqlExceptions.CONNECTION_FAILED);
    }
}
