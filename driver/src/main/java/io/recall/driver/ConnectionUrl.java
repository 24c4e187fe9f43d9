package io.recall.driver;

import io.recall.cluster.ClusterSettings;
import io.recall.parser.catalog.SetType;
import io.recall.parser.catalog.StorageType;
import io.recall.parser.catalog.TableOptions;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:recall:} URL with its settings, so the rules live in one place.
 *
 * <p>Forms: {@code jdbc:recall:mem:<name>[;key=value]...} (in memory; an empty name means a private
 * database for one connection) and {@code jdbc:recall:file:<folder>[;key=value]...} (on disc, in that
 * folder, created when missing; a relative folder is resolved against the working directory). Settings
 * come from the URL and from the {@link Properties} given to {@code connect}; keys are case-insensitive and
 * <b>a key in the URL wins over the same key in the Properties</b>. Known keys: {@code user},
 * {@code password} (accepted, not checked yet), {@code keep} (true: the database stays open after its
 * last connection), {@code lock_timeout} (milliseconds, default 10000), {@code sync} (file databases:
 * true, the default, forces every commit to the disc before it returns; false leaves that to the
 * operating system), {@code storage} and {@code type} (the storage type and table type of tables whose CREATE
 * TABLE does not say: {@code ram_copies} (the only one in memory), {@code disc_copies} (the default on disc) or
 * {@code disc_only_copies}; {@code set} (the default) or {@code ordered_set}), {@code memory_rows} (file databases: how many rows
 * of each {@code disc_only_copies} table stay in memory, default 10000), {@code restore_from} (a backup file
 * read into the database when this connection opens it; it must be empty), {@code java_classes} (the classes, by
 * name and separated by commas, whose objects this connection may store in and read from JAVA_OBJECT columns),
 * and the cluster properties of {@link ClusterUrl}.
 * Any other key is refused with 08001 naming it.
 */
record ConnectionUrl(String url, String name, Path folder, String user, String password, boolean keep,
                     long lockTimeoutMillis, boolean lockTimeoutGiven, boolean sync, TableOptions defaults,
                     long memoryRows, Path restoreFrom, List<String> javaClasses, ClusterSettings cluster) {
    static final String PREFIX = "jdbc:recall:";
    static final String MEM = "mem:";
    static final String FILE = "file:";
    static final String DEFAULT_USER = "SA";
    static final long DEFAULT_LOCK_TIMEOUT = 10_000;
    static final String[] KEYS = {"user", "password", "keep", "lock_timeout", "sync", "storage", "type", "memory_rows",
        "restore_from", "java_classes", "cluster", "node", "bind", "port", "peers", "jgroups", "partition", "secret"};
    static final long DEFAULT_MEMORY_ROWS = 10_000;

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** True for a private database that belongs to one connection. */
    boolean isPrivate() {
        return name.isEmpty();
    }

    /** True for a database on disc ({@code file:}). */
    boolean onDisc() {
        return folder != null;
    }

    static ConnectionUrl parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) {
            throw SqlExceptions.create("Not a Recall URL (expected " + PREFIX + MEM + "<name>): " + url,
                    SqlExceptions.CONNECTION_FAILED);
        }
        String rest = url.substring(PREFIX.length());
        boolean file = rest.regionMatches(true, 0, FILE, 0, FILE.length());
        if (!file && !rest.regionMatches(true, 0, MEM, 0, MEM.length())) {
            throw SqlExceptions.create("Unknown database kind in " + url + " (expected " + PREFIX + MEM + "<name> or "
                    + PREFIX + FILE + "<folder>)", SqlExceptions.CONNECTION_FAILED);
        }
        String[] parts = rest.substring(file ? FILE.length() : MEM.length()).split(";", -1);
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
        Path folder = file ? folder(parts[0], url) : null;
        String name = file ? folder.toString() : parts[0];
        for (String key : new String[]{"sync", "memory_rows"}) {
            if (!file && settings.containsKey(key)) {
                throw SqlExceptions.create("Property " + key + " applies to " + PREFIX + FILE + " databases only",
                        SqlExceptions.CONNECTION_FAILED);
            }
        }
        ClusterSettings cluster = ClusterUrl.parse(settings, file);
        if (cluster != null && name.isEmpty()) {
            throw SqlExceptions.create("A database shared over cluster " + cluster.cluster() + " needs a name: "
                    + PREFIX + MEM + "<name>;cluster=...", SqlExceptions.CONNECTION_FAILED);
        }
        return new ConnectionUrl(url, name, folder, user.isEmpty() ? DEFAULT_USER : user, settings.get("password"),
                flag("keep", settings.get("keep"), false), parseLockTimeout(lockTimeout), lockTimeout != null,
                flag("sync", settings.get("sync"), true), defaults(file, settings.get("storage"), settings.get("type")),
                memoryRows(settings.get("memory_rows")), restoreFrom(settings.get("restore_from"), url),
                names(settings.get("java_classes")), cluster);
    }

    private static List<String> names(String list) {
        if (list == null) {
            return List.of();
        }
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Path restoreFrom(String file, String url) throws SQLException {
        if (file == null) {
            return null;
        }
        try {
            return Path.of(file.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw SqlExceptions.create("Invalid restore_from file '" + file + "' in " + url + ": " + e.getReason(),
                    SqlExceptions.CONNECTION_FAILED);
        }
    }

    private static long memoryRows(String value) throws SQLException {
        if (value == null) {
            return DEFAULT_MEMORY_ROWS;
        }
        try {
            long rows = Long.parseLong(value.trim());
            if (rows > 0) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqlExceptions.create("Property memory_rows must be a number of rows > 0, not '" + value + "'",
                SqlExceptions.CONNECTION_FAILED);
    }

    /** The table options of a CREATE TABLE that says nothing: ram_copies in memory, disc_copies on disc, set. */
    private static TableOptions defaults(boolean file, String storage, String type) throws SQLException {
        StorageType s = storage == null ? (file ? StorageType.DISC_COPIES : StorageType.RAM_COPIES)
                : StorageType.fromSql(storage.trim());
        if (s == null) {
            throw SqlExceptions.create("Property storage must be ram_copies, disc_copies or disc_only_copies, not '"
                    + storage + "'", SqlExceptions.CONNECTION_FAILED);
        }
        if (s.onDisc() && !file) {
            throw SqlExceptions.create("storage=" + s.sqlName() + " keeps rows on disc: it needs a " + PREFIX + FILE
                    + "<folder> URL, not an in-memory database", SqlExceptions.CONNECTION_FAILED);
        }
        SetType t = type == null ? SetType.SET : SetType.fromSql(type.trim());
        if (t == null) {
            throw SqlExceptions.create("Property type must be set or ordered_set, not '" + type + "'",
                    SqlExceptions.CONNECTION_FAILED);
        }
        return new TableOptions(s, t);
    }

    /** The folder of a file database, absolute and normalised, so two spellings of one folder are one database. */
    private static Path folder(String written, String url) throws SQLException {
        if (written.isBlank()) {
            throw SqlExceptions.create("No folder in " + url + " (expected " + PREFIX + FILE + "<folder>)",
                    SqlExceptions.CONNECTION_FAILED);
        }
        try {
            return Path.of(written).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw SqlExceptions.create("Invalid folder '" + written + "' in " + url + ": " + e.getReason(),
                    SqlExceptions.CONNECTION_FAILED);
        }
    }

    private static String checkKey(String key) throws SQLException {
        String k = key.toLowerCase(Locale.ROOT);
        for (String known : KEYS) {
            if (known.equals(k)) {
                return k;
            }
        }
        throw SqlExceptions.create("Unknown connection property '" + key + "' (known: user, password, keep, "
                + "lock_timeout, sync, storage, type, memory_rows, restore_from, java_classes, cluster, node, bind, port, peers, "
                + "jgroups, partition, secret)", SqlExceptions.CONNECTION_FAILED);
    }

    private static boolean flag(String key, String value, boolean unset) throws SQLException {
        if (value == null) {
            return unset;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
        }
        throw SqlExceptions.create("Property " + key + " must be true or false, not '" + value + "'",
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
