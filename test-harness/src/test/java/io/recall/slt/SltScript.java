package io.recall.slt;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed sqllogictest script: records separated by blank lines; {@code #} lines are comments except among
 * a query's expected values.
 */
record SltScript(String name, List<SltRecord> records) {

    static SltScript parse(String name, String text) {
        List<SltRecord> records = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            int start = i;
            while (i < lines.length && !lines[i].isBlank()) {
                i++;
            }
            SltRecord record = parseRecord(name, lines, start, i);
            if (record != null) {
                records.add(record);
            }
        }
        return new SltScript(name, List.copyOf(records));
    }

    /** Parses lines [from, to) of one record; null when they hold only comments. */
    private static SltRecord parseRecord(String name, String[] lines, int from, int to) {
        List<String> skipIf = new ArrayList<>();
        List<String> onlyIf = new ArrayList<>();
        int i = from;
        while (i < to && (isComment(lines[i]) || lines[i].startsWith("skipif ") || lines[i].startsWith("onlyif "))) {
            if (!isComment(lines[i])) {
                String engine = words(lines[i])[1];
                (lines[i].startsWith("skipif") ? skipIf : onlyIf).add(engine);
            }
            i++;
        }
        if (i == to) {
            return null;
        }
        int line = i + 1;
        SltRecord.Conditions conditions = skipIf.isEmpty() && onlyIf.isEmpty()
                ? SltRecord.Conditions.NONE : new SltRecord.Conditions(List.copyOf(skipIf), List.copyOf(onlyIf));
        String[] command = words(lines[i]);
        switch (command[0]) {
            case "statement" -> {
                boolean expectError = command.length > 1 && command[1].equals("error");
                return new SltRecord.Statement(line, conditions, sql(lines, i + 1, to), expectError);
            }
            case "query" -> {
                return query(name, lines, i, to, conditions);
            }
            case "halt" -> {
                return new SltRecord.Halt(line, conditions);
            }
            case "hash-threshold" -> {
                return new SltRecord.HashThreshold(line, conditions, Integer.parseInt(command[1]));
            }
            default -> throw new IllegalArgumentException(name + ":" + line + ": unknown record " + lines[i]);
        }
    }

    private static SltRecord.Query query(String name, String[] lines, int commandLine, int to,
                                         SltRecord.Conditions conditions) {
        String[] command = words(lines[commandLine]);
        if (command.length < 2) {
            throw new IllegalArgumentException(name + ":" + (commandLine + 1) + ": query without column types");
        }
        if (!command[1].matches("[IRT]+")) {
            throw new IllegalArgumentException(name + ":" + (commandLine + 1) + ": column types other than I, R, T: "
                    + command[1]);
        }
        SortMode sortMode = command.length > 2 ? SortMode.parse(command[2]) : SortMode.NOSORT;
        String label = command.length > 3 ? command[3] : null;
        int separator = commandLine + 1;
        while (separator < to && !lines[separator].equals("----")) {
            separator++;
        }
        List<String> expected = new ArrayList<>();
        for (int j = separator + 1; j < to; j++) {
            expected.add(lines[j]);
        }
        return new SltRecord.Query(commandLine + 1, conditions, command[1], sortMode, label,
                sql(lines, commandLine + 1, separator), ExpectedResult.of(expected));
    }

    private static String sql(String[] lines, int from, int to) {
        StringBuilder sql = new StringBuilder();
        for (int j = from; j < to; j++) {
            if (!isComment(lines[j])) {
                sql.append(sql.length() == 0 ? "" : "\n").append(lines[j]);
            }
        }
        return sql.toString();
    }

    private static boolean isComment(String line) {
        return line.startsWith("#");
    }

    private static String[] words(String line) {
        return line.trim().split("\\s+");
    }
}
