package io.recall.parser.sql;

import java.util.Locale;

/**
 * JSqlParser 5.4 cannot parse a simple CASE whose operand starts with a sign
 * ({@code CASE - x WHEN ...}, common in sqllogictest). This pass puts such an operand in
 * parentheses ({@code CASE (- x) WHEN ...}), outside string literals, quoted names and comments.
 */
final class CaseOperands {
    private CaseOperands() {
    }

    static String wrap(String sql) {
        if (!sql.toUpperCase(Locale.ROOT).contains("CASE")) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 8);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            int skip = skipQuotedOrComment(sql, i);
            if (skip > i) {
                out.append(sql, i, skip);
                i = skip;
                continue;
            }
            if (isWordAt(sql, i, "CASE")) {
                out.append(sql, i, i + 4);
                i += 4;
                int start = i;
                while (start < n && Character.isWhitespace(sql.charAt(start))) {
                    start++;
                }
                if (start < n && (sql.charAt(start) == '-' || sql.charAt(start) == '+')) {
                    int when = operandEnd(sql, start);
                    if (when > start) {
                        out.append(sql, i, start).append('(').append(wrap(sql.substring(start, when).stripTrailing()))
                                .append(") ");
                        i = when;
                    }
                }
                continue;
            }
            out.append(sql.charAt(i));
            i++;
        }
        return out.toString();
    }

    /** The position of the WHEN that ends a CASE operand starting at {@code start}, or -1. */
    private static int operandEnd(String sql, int start) {
        int depth = 0;
        int cases = 0;
        int i = start;
        while (i < sql.length()) {
            int skip = skipQuotedOrComment(sql, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    return -1;
                }
            } else if (depth == 0 && isWordAt(sql, i, "CASE")) {
                cases++;
            } else if (depth == 0 && isWordAt(sql, i, "END")) {
                cases--;
            } else if (depth == 0 && cases == 0 && isWordAt(sql, i, "WHEN")) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean isWordAt(String sql, int i, String word) {
        int end = i + word.length();
        return end <= sql.length() && sql.regionMatches(true, i, word, 0, word.length())
                && (i == 0 || !isWordChar(sql.charAt(i - 1))) && (end == sql.length() || !isWordChar(sql.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The end of a literal, quoted name or comment starting at {@code i}, or {@code i}. */
    private static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = sql.indexOf(c, i + 1);
            while (j >= 0 && j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                j = sql.indexOf(c, j + 2);
            }
            return j < 0 ? sql.length() : j + 1;
        }
        if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
            int j = sql.indexOf('\n', i);
            return j < 0 ? sql.length() : j;
        }
        if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
            int j = sql.indexOf("*/", i + 2);
            return j < 0 ? sql.length() : j + 2;
        }
        return i;
    }
}
