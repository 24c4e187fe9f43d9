package io.recall.harness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

// Proves the module layering by scanning main sources for forbidden imports and fully qualified references.
class ArchitectureTest {
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "parser", List.of("org.infinispan", "org.jgroups", "java.sql", "io.recall.engine", "io.recall.cluster",
                    "io.recall.driver", "org.flywaydb"),
            "engine", List.of("org.infinispan", "org.jgroups", "java.sql", "net.sf.jsqlparser", "io.recall.cluster",
                    "io.recall.driver", "org.flywaydb", "com.fasterxml.jackson"),
            "cluster", List.of("net.sf.jsqlparser", "java.sql", "io.recall.driver", "org.flywaydb", "com.fasterxml.jackson"),
            "driver", List.of("net.sf.jsqlparser", "com.fasterxml.jackson"));

    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])([a-z][a-z0-9_]*(?:\\.[A-Za-z_][\\w]*)+)");

    /** Where the other modules' sources live, from the test-harness module directory surefire runs in. */
    private static Path sources(String module) {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("../" + module)) ? here.getParent() : here;
        return root.resolve(module).resolve("src/main/java").normalize();
    }

    @Test
    void modulesImportOnlyWhatTheirLayerAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            Path dir = sources(rule.getKey());
            assertTrue(Files.isDirectory(dir), "missing source tree " + dir);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            assertTrue(!files.isEmpty(), "no Java sources under " + dir);
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Path projectRoot = dir.resolve("../../../..").normalize();
                violations.addAll(check(projectRoot.relativize(file).toString(), text, rule.getValue()));
            }
        }
        if (!violations.isEmpty()) {
            fail("layering violations:\n" + String.join("\n", violations));
        }
    }

    /**
     * flyway-core is optional for the driver: only the plugin package may use it, and nothing else may reach
     * the plugin, whose classes would fail to load without Flyway (Flyway finds it through its service file).
     */
    @Test
    void onlyTheFlywayPluginUsesFlyway() throws IOException {
        Path dir = sources("driver");
        Path plugin = dir.resolve("io/recall/driver/flyway");
        assertTrue(Files.isDirectory(plugin), "missing " + plugin);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java") && !p.startsWith(plugin)).sorted().toList()) {
                violations.addAll(check(dir.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8),
                        List.of("org.flywaydb", "io.recall.driver.flyway")));
            }
        }
        if (!violations.isEmpty()) {
            fail("Flyway used outside io.recall.driver.flyway:\n" + String.join("\n", violations));
        }
    }

    @Test
    void checkerFindsImportsAndQualifiedNamesButNotCommentsOrStrings() {
        String src = """
                package io.recall.engine;

                import java.util.List;
                import org.infinispan.Cache;
                import static java.sql.Types.INTEGER;
                // import java.sql.Connection; in a comment is fine
                /* org.jgroups.JChannel in a block comment
                   is fine too */
                class X {
                    String s = "java.sql.Connection in a string is fine";
                    net.sf.jsqlparser.statement.Statement st;
                    char c = '"';
                    String t = "org.jgroups";
                    java.sql.Timestamp ts; // trailing org.jgroups
                }
                """;
        List<String> found = check("X.java", src, FORBIDDEN.get("engine"));
        assertEquals(List.of(
                "X.java:4: uses org.infinispan: import org.infinispan.Cache;",
                "X.java:5: uses java.sql: import static java.sql.Types.INTEGER;",
                "X.java:11: uses net.sf.jsqlparser: net.sf.jsqlparser.statement.Statement st;",
                "X.java:14: uses java.sql: java.sql.Timestamp ts; // trailing org.jgroups"), found);
    }

    /** Each forbidden package referenced outside comments and literals, as "file:line: uses pkg: source line". */
    static List<String> check(String fileName, String text, List<String> forbidden) {
        String code = stripCommentsAndLiterals(text);
        String[] codeLines = code.split("\n", -1);
        String[] rawLines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codeLines.length; i++) {
            if (codeLines[i].trim().startsWith("package ")) {
                continue;
            }
            Matcher m = REFERENCE.matcher(codeLines[i]);
            while (m.find()) {
                String name = m.group(1);
                String hit = null;
                for (String pkg : forbidden) {
                    if (name.equals(pkg) || name.startsWith(pkg + ".")) {
                        hit = pkg;
                        break;
                    }
                }
                if (hit != null) {
                    out.add(fileName + ":" + (i + 1) + ": uses " + hit + ": " + rawLines[i].trim());
                    break;
                }
            }
        }
        return out;
    }

    /** Blanks out comments, string/char literals and text blocks, keeping line breaks so line numbers hold. */
    static String stripCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i += 2;
                while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
                    keepNewline(out, s.charAt(i++));
                }
                i += 2;
            } else if (s.startsWith("\"\"\"", i)) {
                i += 3;
                while (i < n && !s.startsWith("\"\"\"", i)) {
                    if (s.charAt(i) == '\\') {
                        keepNewline(out, s.charAt(i++));
                    }
                    if (i < n) {
                        keepNewline(out, s.charAt(i++));
                    }
                }
                i += 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void keepNewline(StringBuilder out, char c) {
        if (c == '\n') {
            out.append('\n');
        }
    }
}
