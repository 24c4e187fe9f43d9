package io.recall.driver;

/**
 * A DatabaseMetaData name pattern: {@code %} matches any run of characters, {@code _} any one,
 * and the search-string escape {@code \} makes the next character literal. Null matches all.
 */
final class NamePattern {
    static final char ESCAPE = '\\';

    private final String pattern;

    NamePattern(String pattern) {
        this.pattern = pattern;
    }

    boolean matches(String name) {
        if (pattern == null) {
            return true;
        }
        return name != null && matches(name, 0, 0);
    }

    private boolean matches(String s, int si, int pi) {
        while (pi < pattern.length()) {
            char p = pattern.charAt(pi);
            if (p == '%') {
                for (int k = s.length(); k >= si; k--) {
                    if (matches(s, k, pi + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (p == ESCAPE && pi + 1 < pattern.length()) {
                pi++;
                if (s.charAt(si) != pattern.charAt(pi)) {
                    return false;
                }
            } else if (p != '_' && s.charAt(si) != p) {
                return false;
            }
            si++;
            pi++;
        }
        return si == s.length();
    }
}
