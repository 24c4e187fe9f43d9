package io.recall.parser.sql;

/** Skipping quoted text (strings, quoted identifiers) in raw SQL for the few passes that read it before parsing. */
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
}
