package io.recall.shell;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table name as a shell command's argument, by SQL's rules: {@code posts}, {@code blog.posts} or
 * {@code "Mixed Case"}; unquoted parts are upper-cased, quoted ones kept exactly, and an unqualified name is in
 * the connection's current schema.
 */
record TableName(String schema, String name) {
    private static final String PART = "\"((?:[^\"]|\"\")+)\"|([^\\s.\"]+)";
    private static final Pattern NAME = Pattern.compile("(?:" + PART + ")(?:\\.(?:" + PART + "))?");

    /** The name in {@code text} (a trailing semicolon is ignored), or null when it is not one. */
    static TableName parse(String text, String currentSchema) {
        Matcher m = NAME.matcher(text.strip().replaceFirst(";$", "").strip());
        if (!m.matches()) {
            return null;
        }
        String first = part(m.group(1), m.group(2));
        if (m.group(3) == null && m.group(4) == null) {
            return new TableName(currentSchema, first);
        }
        return new TableName(first, part(m.group(3), m.group(4)));
    }

    private static String part(String quoted, String plain) {
        return quoted != null ? quoted.replace("\"\"", "\"") : plain.toUpperCase(Locale.ROOT);
    }

    /** {@code <schemaColumn> = 'S' AND <nameColumn> = 'T'}: a filter on an INFORMATION_SCHEMA view. */
    String matches(String schemaColumn, String nameColumn) {
        return schemaColumn + " = " + literal(schema) + " AND " + nameColumn + " = " + literal(name);
    }

    /**
     * A condition that is true, but names the table in SQL: a statement holding it fails, as any query of an unknown
     * table does, with {@code 42P01} (or {@code 3F000} for an unknown schema).
     */
    String mustExist() {
        return "NOT EXISTS (SELECT 1 FROM " + identifier(schema) + "." + identifier(name) + " WHERE 1 = 0)";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String identifier(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
