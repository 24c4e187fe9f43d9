package io.recall.slt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Compares a query's formatted rows with the expected result. The expected result's own form decides the
 * comparison: a hash line is compared with the MD5 of the sorted values (each followed by a newline), a
 * list of lines value by value. Lists hold one value per line; a line per row with the values separated by
 * spaces is accepted as well.
 */
final class ResultMatcher {
    /** Why a result differs: a short cause to group failures by, and the detail for the failure list. */
    record Mismatch(String cause, String detail) {
    }

    private ResultMatcher() {
    }

    static Optional<Mismatch> compare(List<List<String>> rows, SortMode sortMode, ExpectedResult expected) {
        List<String> actual = sortMode.order(rows);
        if (expected instanceof ExpectedResult.Hashed hashed) {
            String md5 = md5(actual);
            if (hashed.count() == actual.size() && hashed.md5().equals(md5)) {
                return Optional.empty();
            }
            String cause = hashed.count() == actual.size()
                    ? "wrong result: different values" : countCause(hashed.count(), actual.size());
            return Optional.of(new Mismatch(cause, "expected " + hashed.count() + " values hashing to " + hashed.md5()
                    + ", got " + actual.size() + " values hashing to " + md5 + " " + preview(actual)));
        }
        List<String> lines = ((ExpectedResult.Values) expected).lines();
        List<String> wanted = lines.size() == actual.size() ? lines : splitRows(lines, rows);
        if (wanted.equals(actual)) {
            return Optional.empty();
        }
        if (wanted.size() != actual.size()) {
            return Optional.of(new Mismatch(countCause(wanted.size(), actual.size()),
                    "expected " + wanted.size() + " values " + preview(wanted) + ", got " + actual.size() + " "
                            + preview(actual)));
        }
        int at = 0;
        while (wanted.get(at).equals(actual.get(at))) {
            at++;
        }
        return Optional.of(new Mismatch("wrong result: different values", "value " + (at + 1) + " of " + actual.size()
                + ": expected " + wanted.get(at) + ", got " + actual.get(at)));
    }

    static String md5(List<String> values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            for (String v : values) {
                digest.update(v.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    private static String countCause(int expected, int actual) {
        if (actual == 0) {
            return "wrong result: no rows";
        }
        return "wrong result: " + (actual < expected ? "too few values" : "too many values");
    }

    /** Lines holding a whole row each, as some hand-written scripts have them; unchanged otherwise. */
    private static List<String> splitRows(List<String> lines, List<List<String>> rows) {
        if (rows.isEmpty() || lines.size() != rows.size()) {
            return lines;
        }
        int columns = rows.get(0).size();
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != columns) {
                return lines;
            }
            values.addAll(List.of(parts));
        }
        return values;
    }

    private static String preview(List<String> values) {
        int shown = Math.min(values.size(), 8);
        return "[" + String.join(", ", values.subList(0, shown)) + (shown < values.size() ? ", ...]" : "]");
    }
}
