package io.recall.slt;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a query record expects: the values themselves, or their count and MD5 for large results. */
sealed interface ExpectedResult {
    Pattern HASH_LINE = Pattern.compile("(\\d+) values hashing to ([0-9a-f]{32})");

    record Values(List<String> lines) implements ExpectedResult {
    }

    record Hashed(int count, String md5) implements ExpectedResult {
    }

    static ExpectedResult of(List<String> lines) {
        if (lines.size() == 1) {
            Matcher m = HASH_LINE.matcher(lines.get(0).trim());
            if (m.matches()) {
                return new Hashed(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        return new Values(List.copyOf(lines));
    }
}
