package io.recall.harness.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The parent's handle on a {@link ClusterNode} in a child JVM: sends it commands and reads their answers. Every
 * wait has a deadline, so a test whose node hangs fails instead of hanging, and {@link #close} kills the JVM.
 */
final class NodeProcess implements AutoCloseable {
    /** One command's answer: its {@code ROW} lines and its terminal line. */
    record Answer(List<String> rows, String last) {
        boolean ok() {
            return last.equals("OK") || last.startsWith("COUNT ") || last.startsWith("BANK ");
        }

        String sqlState() {
            return last.startsWith("ERR ") ? last.split(" ", 3)[1] : null;
        }

        /** The single value of a one-row, one-column answer. */
        String value() {
            if (!ok() || rows.size() != 1) {
                throw new AssertionError("expected one row, got " + rows + " / " + last);
            }
            return rows.get(0);
        }
    }

    private static final String END = "\u0000end";

    final String name;
    final int port;
    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(100_000);
    private final StringBuilder log = new StringBuilder();

    private NodeProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(this::pump, "node-" + name + "-out");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a member that must fail to join; returns its first line (its {@code ERR} answer). */
    static String startFailing(String name, String url, int port, long timeoutSeconds) {
        NodeProcess node = launch(name, url, port);
        try {
            return node.next(timeoutSeconds);
        } finally {
            node.kill();
        }
    }

    /** Starts a member and waits until it has joined (or failed to). */
    static NodeProcess start(String name, String url, int port, long timeoutSeconds) {
        NodeProcess node = launch(name, url, port);
        String first = node.next(timeoutSeconds);
        if (!first.equals("READY")) {
            node.close();
            throw new AssertionError(name + " did not start: " + first + "\n" + node.log);
        }
        return node;
    }

    private static NodeProcess launch(String name, String url, int port) {
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            String logging = System.getProperty("java.util.logging.config.file");
            if (logging != null && !Boolean.getBoolean("recall.cluster.verbose")) {
                command.add("-Djava.util.logging.config.file=" + logging);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(), url));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new NodeProcess(name, port, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port free on the loopback interface now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY") || line.startsWith("ROW ") || line.equals("OK") || line.startsWith("COUNT ")
                        || line.startsWith("ERR ") || line.startsWith("BANK ")) {
                    lines.put(line);
                } else {
                    synchronized (log) {
                        if (log.length() < 20_000) {
                            log.append(line).append('\n');
                        }
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the process is gone
        }
        lines.offer(END);
    }

    private String next(long timeoutSeconds) {
        try {
            String line = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError(name + " gave no answer in " + timeoutSeconds + " s\n" + output() + threads());
            }
            if (line.equals(END)) {
                lines.offer(END);
                throw new AssertionError(name + " ended\n" + output());
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends one command and waits for its answer. */
    Answer send(String command, long timeoutSeconds) {
        in.println(command);
        List<String> rows = new ArrayList<>();
        while (true) {
            String line = next(timeoutSeconds);
            if (line.startsWith("ROW ")) {
                rows.add(line.substring(4));
            } else {
                return new Answer(rows, line);
            }
        }
    }

    /** Runs SQL and fails the test unless it succeeds. */
    Answer sql(String sql) {
        Answer a = send("SQL " + sql, 60);
        if (!a.ok()) {
            throw new AssertionError(name + ": " + sql + " -> " + a.last() + "\n" + output());
        }
        return a;
    }

    /** The child's thread dump (jstack), to see where it hangs. */
    private String threads() {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    String.valueOf(process.pid())).redirectErrorStream(true).start();
            String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jstack.waitFor(20, TimeUnit.SECONDS);
            return "\nthreads of " + name + ":\n" + dump;
        } catch (IOException | InterruptedException e) {
            return "\n(no thread dump: " + e + ")";
        }
    }

    String output() {
        synchronized (log) {
            return log.toString();
        }
    }

    /** SIGKILL: no shutdown hook, no leave message; the others must find out by themselves. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            in.println("EXIT");
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
