package io.recall.slt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why Recall fails the records it fails: lines of "cause prefix | explanation" read from a
 * resource, so every remaining failure in the report is a known gap, not a silent one.
 */
final class KnownGaps {
    static final String RESOURCE = "conformance/known-gaps.txt";
    static final String UNEXPLAINED = "**unexplained** — investigate, then fix it or add it to " + RESOURCE;

    private final Map<String, String> explanations;

    private KnownGaps(Map<String, String> explanations) {
        this.explanations = explanations;
    }

    static KnownGaps load() {
        Map<String, String> explanations = new LinkedHashMap<>();
        for (String line : ScriptLibrary.list(RESOURCE)) {
            int bar = line.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException(
                        RESOURCE + ": expected \"cause prefix | why\", got \"" + line + "\"");
            }
            explanations.put(line.substring(0, bar).trim(), line.substring(bar + 1).trim());
        }
        return new KnownGaps(explanations);
    }

    /** The explanation of the first prefix the cause starts with, or {@link #UNEXPLAINED}. */
    String explain(String cause) {
        for (Map.Entry<String, String> e : explanations.entrySet()) {
            if (cause.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return UNEXPLAINED;
    }
}
