package io.recall.parser.types;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.List;

/**
 * The subset of SQL/JSON paths JSON_VALUE takes: {@code $} followed by member steps ({@code .name},
 * {@code ."any name"}) and array steps ({@code [n]}, from 0), in the default lax mode. Everything else of the
 * path language (wildcards, {@code last}, ranges, filters, methods, strict mode) is refused with 0A000 rather
 * than answered differently from PostgreSQL or H2; text that is no path at all is 42601.
 */
public final class JsonPath {
    private final String text;
    private final Object[] steps; // String member names and Long array indexes

    private JsonPath(String text, Object[] steps) {
        this.text = text;
        this.steps = steps;
    }

    public static JsonPath compile(String text) {
        String p = text.strip();
        if (p.regionMatches(true, 0, "lax ", 0, 4)) {
            p = p.substring(4).strip();
        } else if (p.regionMatches(true, 0, "strict ", 0, 7)) {
            throw unsupported(text, "strict mode");
        }
        if (p.isEmpty() || p.charAt(0) != '$') {
            throw syntax(text, "a path starts with $");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '.') {
                i = member(text, p, i + 1, steps);
            } else if (c == '[') {
                i = element(text, p, i + 1, steps);
            } else {
                throw unsupported(text, "'" + p.substring(i) + "'");
            }
        }
        return new JsonPath(text, steps.toArray());
    }

    private static int member(String text, String p, int i, List<Object> steps) {
        int n = p.length();
        if (i < n && p.charAt(i) == '"') {
            StringBuilder name = new StringBuilder();
            int j = i + 1;
            while (j < n && p.charAt(j) != '"') {
                if (p.charAt(j) == '\\' && j + 1 < n) {
                    j++;
                }
                name.append(p.charAt(j++));
            }
            if (j >= n) {
                throw syntax(text, "unterminated quoted member name");
            }
            steps.add(name.toString());
            return j + 1;
        }
        int j = i;
        while (j < n && (Character.isLetterOrDigit(p.charAt(j)) || p.charAt(j) == '_' || p.charAt(j) == '$')) {
            j++;
        }
        if (j == i) {
            throw i < n && (p.charAt(i) == '*' || p.charAt(i) == '.')
                    ? unsupported(text, "wildcards and recursive steps") : syntax(text, "a member name after '.'");
        }
        if (j < n && p.charAt(j) == '(') {
            throw unsupported(text, "item methods such as " + p.substring(i, j) + "()");
        }
        steps.add(p.substring(i, j));
        return j;
    }

    private static int element(String text, String p, int i, List<Object> steps) {
        int close = p.indexOf(']', i);
        if (close < 0) {
            throw syntax(text, "unterminated [");
        }
        String inside = p.substring(i, close).strip();
        if (!inside.matches("\\d{1,18}")) {
            throw unsupported(text, "the array step [" + inside + "] (only [n] with a number n)");
        }
        steps.add(Long.parseLong(inside));
        return close + 1;
    }

    /** The item the path selects, or null when it selects nothing. */
    public JsonValue select(JsonValue doc) {
        JsonValue v = doc;
        for (Object step : steps) {
            if (v == null) {
                return null;
            }
            v = step instanceof String name ? v.field(name) : v.element((Long) step);
        }
        return v;
    }

    public String text() {
        return text;
    }

    private static RecallException unsupported(String path, String what) {
        return new RecallException(ErrorCode.NOT_SUPPORTED, "JSON path '" + path + "': " + what
                + " is not supported (only $, .member, .\"member\" and [n])");
    }

    private static RecallException syntax(String path, String what) {
        return new RecallException(ErrorCode.SYNTAX_ERROR, "Invalid JSON path '" + path + "': " + what);
    }
}
