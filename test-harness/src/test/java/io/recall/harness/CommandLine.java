package io.recall.harness;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.LogManager;

/** What the harness's own commands (conformance gauge, benchmark suite) share: options and logging. */
public final class CommandLine {
    private CommandLine() {
    }

    /**
     * The defaults, overridden by system properties {@code <prefix>.<key>}, then by {@code key=value}
     * arguments; an unknown key is refused.
     */
    public static Map<String, String> options(String prefix, Map<String, String> defaults, String[] args) {
        Map<String, String> options = new HashMap<>(defaults);
        for (String key : List.copyOf(options.keySet())) {
            String property = System.getProperty(prefix + "." + key);
            if (property != null && !property.isBlank()) {
                options.put(key, property);
            }
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? "" : arg.substring(0, eq).replaceFirst("^-+", "");
            if (!options.containsKey(key)) {
                throw new IllegalArgumentException("unknown argument " + arg + "; expected key=value with a key of "
                        + options.keySet());
            }
            options.put(key, arg.substring(eq + 1));
        }
        return options;
    }

    /** Infinispan logs at INFO by default; the test logging configuration keeps the output to the command's. */
    public static void quietLogging() throws IOException {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream config = CommandLine.class.getClassLoader().getResourceAsStream("logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        }
    }
}
