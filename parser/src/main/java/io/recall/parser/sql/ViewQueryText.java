package io.recall.parser.sql;

/**
 * Finds the text of a CREATE VIEW statement's query: everything after the first AS that is a
 * word of its own outside parentheses, literals, quoted names and comments. JSqlParser only
 * gives the query back re-printed, and a view keeps the text its author wrote.
 */
final class ViewQueryText {
    private ViewQueryText() {
    }

    /** The query text, or null when the statement has no such AS. */
    static String after(String createView) {
        int n = createView.length();
        int depth = 0;
        int i = 0;
        while (i < n) {
            char c = createView.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = closing(createView, i + 1, c);
            } else if (c == '[') {
                i = closing(createView, i + 1, ']');
            } else if (c == '-' && i + 1 < n && createView.charAt(i + 1) == '-') {
                int end = createView.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && createView.charAt(i + 1) == '*') {
                int end = createView.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                depth--;
                i++;
            } else if (isWordChar(c)) {
                int end = i;
                while (end < n && isWordChar(createView.charAt(end))) {
                    end++;
                }
                if (depth == 0 && end - i == 2 && createView.regionMatches(true, i, "AS", 0, 2)) {
                    return createView.substring(end).strip();
                }
                i = end;
            } else {
                i++;
            }
        }
        return null;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The index after the closing quote; a doubled quote inside is part of the text. */
    private static int closing(String s, int from, char quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote && quote != ']') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
