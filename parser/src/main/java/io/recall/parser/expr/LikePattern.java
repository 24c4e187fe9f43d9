package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

/**
 * A compiled LIKE pattern: {@code %} and {@code _} with an optional escape character, matched by
 * a small backtracking matcher (no regular expression is built or run per row).
 */
final class LikePattern {
    private static final char ANY = '\uFFFF';
    private static final char ONE = '\uFFFE';

    private final char[] tokens;
    private final boolean ignoreCase;

    private LikePattern(char[] tokens, boolean ignoreCase) {
        this.tokens = tokens;
        this.ignoreCase = ignoreCase;
    }

    static LikePattern compile(String pattern, Character escape, boolean ignoreCase) {
        StringBuilder sb = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != null && c == escape) {
                if (i + 1 >= pattern.length()) {
                    throw new RecallException(ErrorCode.INVALID_ESCAPE,
                            "LIKE pattern ends with the escape character: '" + pattern + "'");
                }
                char next = pattern.charAt(++i);
                sb.append(ignoreCase ? Character.toLowerCase(next) : next);
            } else if (c == '%') {
                if (sb.length() == 0 || sb.charAt(sb.length() - 1) != ANY) {
                    sb.append(ANY);
                }
            } else if (c == '_') {
                sb.append(ONE);
            } else {
                sb.append(ignoreCase ? Character.toLowerCase(c) : c);
            }
        }
        return new LikePattern(sb.toString().toCharArray(), ignoreCase);
    }

    boolean matches(String s) {
        return match(s, 0, 0);
    }

    private boolean match(String s, int si, int pi) {
        int n = s.length();
        while (pi < tokens.length) {
            char t = tokens[pi];
            if (t == ANY) {
                if (pi + 1 == tokens.length) {
                    return true;
                }
                for (int k = si; k <= n; k++) {
                    if (match(s, k, pi + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= n) {
                return false;
            }
            if (t != ONE) {
                char c = s.charAt(si);
                if (ignoreCase) {
                    c = Character.toLowerCase(c);
                }
                if (c != t) {
                    return false;
                }
            }
            si++;
            pi++;
        }
        return si == n;
    }
}
