package io.recall.slt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The smoke scripts and the number of records Recall must pass in each: lines of "script floor". */
final class SmokeFloors {
    static final String RESOURCE = "conformance/smoke-floor.txt";

    private SmokeFloors() {
    }

    static Map<String, Integer> load() {
        Map<String, Integer> floors = new LinkedHashMap<>();
        for (String line : ScriptLibrary.list(RESOURCE)) {
            List<String> parts = List.of(line.split("\\s+"));
            if (parts.size() != 2) {
                throw new IllegalArgumentException(RESOURCE + ": expected \"script floor\", got \"" + line + "\"");
            }
            floors.put(parts.get(0), Integer.parseInt(parts.get(1)));
        }
        return floors;
    }
}
