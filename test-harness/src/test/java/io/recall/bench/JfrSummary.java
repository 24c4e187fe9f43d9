package io.recall.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises the {@code jdk.ExecutionSample} events of a JFR recording to its top frames: only samples whose
 * stack passes through a method whose name contains {@code filter} (a workload's run method, say
 * {@code IndexedJoin.run}) count. Prints the top self frames and the methods called below that frame with
 * the most inclusive samples.
 *
 * <p>Usage: {@code JfrSummary <recording.jfr> <filter> [top]}.
 */
public final class JfrSummary {
    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        String filter = args[1];
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            int through = through(frames, filter);
            if (through < 0) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames.subList(0, through)) {
                String n = name(f);
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d samples through %s%n%nTop self frames:%n", samples, filter);
        print(self, samples, top);
        System.out.printf(Locale.ROOT, "%nTop methods below it by inclusive samples:%n");
        print(inclusive, samples, top);
    }

    /** Index of the outermost frame whose name contains the filter (frames run from the top), or -1. */
    private static int through(List<RecordedFrame> frames, String filter) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (name(frames.get(i)).contains(filter)) {
                return i;
            }
        }
        return -1;
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + "  (" + type + ")";
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * en.getValue() / samples,
                        en.getKey()));
    }
}
