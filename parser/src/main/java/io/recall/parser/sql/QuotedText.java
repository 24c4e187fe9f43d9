package io.recall.parser.sql;

/**
 * Skipping quoted text (strings, quoted identifiers) and comments in raw SQL, for the few passes that read it
 * before parsing.
 */
final class QuotedText {
    private QuotedText() {
    }

    /**
     * The index just past the quote that closes the quoted text opening at {@code start}; a doubled quote inside is
     * part of the text. The end of {@code sql} when the text is never closed.
     */
    static int end(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /**
     * The index just past the quoted text ({@code '...'}, {@code "..."}, {@code `...`}) or comment ({@code -- ...} to
     * the end of the line, {@code /* ... *}{@code /}) starting at {@code i}; -1 when none starts there.
     */
    static int endOfQuoteOrComment(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            return end(sql, i, c);
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int end = sql.indexOf('\n', i);
            return end < 0 ? n : end;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        return -1;
    }
}
