package io.recall.parser.sql;

import java.util.Locale;
import java.util.Set;

/**
 * JSqlParser 5.4 rejects chained unary signs such as {@code - - x} (common in sqllogictest). This
 * pass folds each chain of unary signs into one sign by parity, outside string literals, quoted
 * names and comments; a binary operator in front of a chain is kept. {@code a - - b} becomes
 * {@code a - -b}, {@code SELECT - - 4} becomes {@code SELECT +4}.
 */
final class SignChains {
    private static final Set<String> KEYWORDS = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "WHEN", "THEN", "ELSE",
            "CASE", "BETWEEN", "IN", "IS", "ON", "BY", "HAVING", "VALUES", "SET", "LIMIT", "OFFSET", "RETURN", "AS",
            "DISTINCT", "ALL", "ANY", "SOME", "EXISTS", "LIKE", "ESCAPE", "FETCH", "FIRST", "NEXT", "DEFAULT", "END");

    private SignChains() {
    }

    static String fold(String sql) {
        if (!hasChain(sql)) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        boolean operandBefore = false;
        while (i < n) {
            char c = sql.charAt(i);
            int skipped = QuotedText.endOfQuoteOrComment(sql, i);
            if (skipped >= 0) {
                out.append(sql, i, skipped);
                i = skipped;
                operandBefore |= c == '\'' || c == '"' || c == '`'; // a quoted operand; a comment changes nothing
            } else if (c == '+' || c == '-') {
                int j = i;
                int minus = 0;
                int signs = 0;
                int lastSign = i;
                while (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-' || Character.isWhitespace(sql.charAt(j)))) {
                    if (sql.charAt(j) == '-' && j + 1 < n && sql.charAt(j + 1) == '-') {
                        break; // a comment starts here
                    }
                    if (sql.charAt(j) != '+' && sql.charAt(j) != '-') {
                        j++;
                        continue;
                    }
                    signs++;
                    lastSign = j;
                    if (sql.charAt(j) == '-') {
                        minus++;
                    }
                    j++;
                }
                if (signs < 2) {
                    out.append(c);
                    i++;
                } else {
                    if (operandBefore) {
                        out.append(c).append(' ');
                        minus -= c == '-' ? 1 : 0;
                    }
                    out.append(minus % 2 == 1 ? '-' : '+');
                    i = lastSign + 1;
                    while (i < n && Character.isWhitespace(sql.charAt(i))) {
                        i++;
                    }
                }
                operandBefore = false;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                        || sql.charAt(j) == '.')) {
                    j++;
                }
                String word = sql.substring(i, j);
                out.append(word);
                operandBefore = !KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
                i = j;
            } else {
                out.append(c);
                if (!Character.isWhitespace(c)) {
                    operandBefore = c == ')' || c == '?';
                }
                i++;
            }
        }
        return out.toString();
    }

    private static boolean hasChain(String sql) {
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '+' || c == '-') {
                int j = i + 1;
                while (j < n && Character.isWhitespace(sql.charAt(j))) {
                    j++;
                }
                if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-') && !(c == '-' && j == i + 1
                        && sql.charAt(j) == '-')) {
                    return true;
                }
            }
        }
        return false;
    }
}
