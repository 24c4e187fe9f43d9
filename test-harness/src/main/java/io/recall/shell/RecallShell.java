package io.recall.shell;

import sqlline.SqlLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Recall's SQL shell: sqlline (line editing and history through JLine) connected to a Recall URL, an
 * in-memory database unless one is given. Results print as aligned tables with row counts and timing,
 * errors with their SQLState; psql-style {@code !d}, {@code !d T}, {@code !dt}, {@code !dv}, {@code !di [T]} and
 * {@code !explain Q} ({@link RecallApplication}) and sqlline's {@code !tables}, {@code !describe T},
 * {@code !indexes T} and {@code !primarykeys T} list and describe the schema, {@code EXPLAIN ...} shows a plan,
 * {@code !quit} leaves.
 *
 * <p>Arguments: {@code [url] [-e "sql; sql"] [-f script.sql]}; any other sqlline option is passed on.
 */
public final class RecallShell {
    public static final String DEFAULT_URL = "jdbc:recall:mem:shell";
    private static final int WIDTH = 160;

    private RecallShell() {
    }

    public static void main(String[] args) throws IOException {
        SqlLine.Status status = run(args, System.in, System.out);
        System.exit(status == SqlLine.Status.OK ? 0 : 1);
    }

    /** Runs the shell over the given input and output (a test passes its own). */
    public static SqlLine.Status run(String[] args, InputStream in, OutputStream out) throws IOException {
        String url = DEFAULT_URL;
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("jdbc:")) {
                url = args[i];
            } else {
                passed.add(args[i]);
            }
        }
        // a width for the tables also when the output is not a terminal (sqlline would take 0 and print nothing)
        List<String> sqlline = new ArrayList<>(List.of("-u", url, "-n", "sa", "-p", "",
                "-d", "io.recall.driver.RecallDriver", "--maxWidth=" + WIDTH, "--verbose=false",
                "-ac", RecallApplication.class.getName()));
        sqlline.addAll(passed);
        SqlLine shell = new SqlLine();
        shell.setOutputStream(out);
        shell.setErrorStream(out);
        return shell.begin(sqlline.toArray(new String[0]), in, false);
    }
}
