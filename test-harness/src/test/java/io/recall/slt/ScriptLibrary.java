package io.recall.slt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads scripts from the sql-logic-test artifact on the classpath (SQLite's scripts, under {@code test/}) and
 * lists of script names: one name a line, {@code #} starts a comment.
 */
final class ScriptLibrary {
    private ScriptLibrary() {
    }

    static SltScript script(String name) {
        return SltScript.parse(name, resource("test/" + name));
    }

    /** A list from a file if {@code location} names one, otherwise from the classpath. */
    static List<String> list(String location) {
        Path file = Path.of(location);
        String text;
        try {
            text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : resource(location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read list " + location, e);
        }
        return text.lines()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static String resource(String path) {
        try (InputStream in = ScriptLibrary.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
