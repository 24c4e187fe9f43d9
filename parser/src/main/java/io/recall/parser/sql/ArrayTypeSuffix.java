package io.recall.parser.sql;

/**
 * JSqlParser 5.4 reads the array types {@code INT[]} and {@code CAST(x AS INT ARRAY)}, but not the standard's
 * {@code INTEGER ARRAY} in a column definition. This pass turns every {@code ARRAY} keyword that is not an
 * array constructor ({@code ARRAY[...]}, {@code ARRAY(...)}) into {@code []} on the word before it, outside
 * string literals, quoted names and comments: {@code b VARCHAR(10) ARRAY NOT NULL} becomes
 * {@code b VARCHAR(10)[] NOT NULL}. {@code T ARRAY[n]} (a maximum cardinality) becomes {@code T[n]}.
 */
final class ArrayTypeSuffix {
    private ArrayTypeSuffix() {
    }

    static String rewrite(String sql) {
        if (!containsWord(sql)) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int skipped = QuotedText.endOfQuoteOrComment(sql, i);
            if (skipped >= 0) {
                out.append(sql, i, skipped);
                i = skipped;
            } else if (isWordAt(sql, i) && afterTypeName(out)) {
                int next = skipSpaces(sql, i + 5);
                if (next < n && sql.charAt(next) == '(') {
                    out.append(sql, i, i + 5); // ARRAY(SELECT ...)
                } else if (next < n && sql.charAt(next) == '[' && !cardinality(sql, next)) {
                    out.append(sql, i, i + 5); // an ARRAY[...] constructor
                } else {
                    trimTrailingSpaces(out);
                    if (next < n && sql.charAt(next) == '[') {
                        int close = sql.indexOf(']', next);
                        out.append(sql, next, close + 1);
                        next = close + 1;
                    } else {
                        out.append("[]");
                    }
                    i = next;
                    continue;
                }
                i += 5;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code [n]} with only digits inside: a maximum cardinality, never a one-element constructor after a type. */
    private static boolean cardinality(String sql, int open) {
        int close = sql.indexOf(']', open);
        if (close < 0) {
            return false;
        }
        String inside = sql.substring(open + 1, close).strip();
        return !inside.isEmpty() && inside.chars().allMatch(Character::isDigit);
    }

    /**
     * An array type follows a type name: a word (INTEGER, PRECISION, ZONE) or the {@code )} of its length. After
     * an operator, a comma or a keyword such as SELECT, {@code ARRAY[} is a constructor.
     */
    private static boolean afterTypeName(StringBuilder out) {
        int j = out.length() - 1;
        while (j >= 0 && Character.isWhitespace(out.charAt(j))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        if (out.charAt(j) == ')') {
            return true;
        }
        int end = j + 1;
        while (j >= 0 && (Character.isLetterOrDigit(out.charAt(j)) || out.charAt(j) == '_')) {
            j--;
        }
        String word = out.substring(j + 1, end).toUpperCase(java.util.Locale.ROOT);
        return !word.isEmpty() && !Character.isDigit(word.charAt(0)) && !KEYWORDS.contains(word);
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("SELECT", "WHERE", "AND", "OR", "NOT",
            "WHEN", "THEN", "ELSE", "CASE", "BETWEEN", "IN", "IS", "ON", "BY", "HAVING", "VALUES", "SET", "RETURN",
            "DISTINCT", "ALL", "ANY", "SOME", "EXISTS", "LIKE", "DEFAULT", "END", "RETURNING", "USING", "FROM");

    private static void trimTrailingSpaces(StringBuilder out) {
        int len = out.length();
        while (len > 0 && Character.isWhitespace(out.charAt(len - 1))) {
            len--;
        }
        out.setLength(len);
    }

    private static int skipSpaces(String sql, int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isWordAt(String sql, int i) {
        if (!sql.regionMatches(true, i, "ARRAY", 0, 5)) {
            return false;
        }
        boolean startOk = i == 0 || !isWordChar(sql.charAt(i - 1)) && sql.charAt(i - 1) != '.';
        boolean endOk = i + 5 >= sql.length() || !isWordChar(sql.charAt(i + 5));
        return startOk && endOk;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static boolean containsWord(String sql) {
        for (int i = 0; i + 5 <= sql.length(); i++) {
            char c = sql.charAt(i);
            if ((c == 'A' || c == 'a') && isWordAt(sql, i)) {
                return true;
            }
        }
        return false;
    }
}
