package io.recall.slt;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Names the cause of a failure so that failures can be counted by cause: the SQLState and the first words
 * of the message before any colon, with names and numbers blanked so that "column X" and "column Y" count
 * together.
 */
final class FailureCause {
    private static final int WORDS = 8;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|`[^`]*`");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
    // Recall names objects bare and upper-cased: "Table PUBLIC.T4 not found", "Column X is assigned twice"
    private static final Pattern NAMED_OBJECT = Pattern.compile("(?i)\\b(table|column|view|index|schema|sequence"
            + "|constraint|function)(?-i)\\s+[A-Z_][A-Z0-9_]*(\\.[A-Z_][A-Z0-9_]*)*\\b");
    private static final Pattern POSITION = Pattern.compile(
            "\\s*\\(?\\bat line #, column #\\)?|\\s*\\bline #, column #");

    private FailureCause() {
    }

    static String of(SQLException e) {
        return state(e) + " " + firstWords(e.getMessage());
    }

    static String internal(Throwable t) {
        return "internal error: " + t.getClass().getName() + " " + firstWords(t.getMessage());
    }

    /** The SQLState and the message's first line, for the failure list. */
    static String detail(SQLException e) {
        return state(e) + " " + firstLine(e.getMessage());
    }

    static String detail(Throwable t) {
        return t.getClass().getName() + ": " + firstLine(t.getMessage());
    }

    static String firstWords(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String line = firstLine(message);
        // what follows a colon is mostly the offending fragment: "Only COUNT takes *: MAX(ALL -1)"
        int colon = line.indexOf(": ");
        line = colon > 0 ? line.substring(0, colon) : line;
        String normalized = NUMBER.matcher(QUOTED.matcher(line).replaceAll("?")).replaceAll("#");
        normalized = NAMED_OBJECT.matcher(POSITION.matcher(normalized).replaceAll("")).replaceAll("$1 ?");
        String[] words = normalized.trim().split("\\s+");
        return String.join(" ", Arrays.copyOf(words, Math.min(words.length, WORDS)));
    }

    // H2 appends "; SQL statement:" and the SQL to its messages
    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.lines().findFirst().orElse("");
        int sqlPart = line.indexOf("; SQL statement:");
        line = sqlPart >= 0 ? line.substring(0, sqlPart) : line;
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "(no SQLState)" : e.getSQLState();
    }
}
