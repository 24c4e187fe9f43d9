package io.recall.parser.sql;

import java.util.Locale;

/**
 * Identifier rules: unquoted names are case-insensitive and stored upper-case, as in H2 and the
 * SQL standard; quoted names keep their exact spelling.
 */
public final class Names {
    public static final String DEFAULT_SCHEMA = "PUBLIC";

    private Names() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        int n = raw.length();
        if (n >= 2 && raw.charAt(0) == '"' && raw.charAt(n - 1) == '"') {
            return raw.substring(1, n - 1).replace("\"\"", "\"");
        }
        if (n >= 2 && raw.charAt(0) == '`' && raw.charAt(n - 1) == '`') {
            return raw.substring(1, n - 1);
        }
        return raw.toUpperCase(Locale.ROOT);
    }

    public static boolean isQuoted(String raw) {
        return raw != null && raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '`');
    }
}
