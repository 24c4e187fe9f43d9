package io.recall.fuzz;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs generated queries through every check: Recall against H2, and Recall against itself (index against
 * scan, set against ordered_set, outside against inside a transaction, ternary logic partitioning). Each
 * schema gets its own seed, derived from the run's seed and printed with any failure, so a failure replays
 * with {@code -Dfuzz.schemaSeed}. Failures are reduced to a small SQL script; only the first few of each kind are
 * reduced and kept, the rest only counted.
 */
final class DifferentialFuzzer {
    static final int QUERIES_PER_SCHEMA = 100;
    private static final int KEPT_PER_KIND = 3;

    record Failure(String check, String kind, long schemaSeed, int queryNumber, String original, String reproducer) {
        @Override
        public String toString() {
            return "[" + check + "] " + kind + " (schema seed " + schemaSeed + ", query " + queryNumber + ")\n"
                    + "original: " + original + "\nreproducer:\n" + reproducer;
        }
    }

    /** Figures of a run. */
    static final class Stats {
        long queries;
        long schemas;
        final Map<String, EnumMap<Verdict.Status, Long>> byCheck = new LinkedHashMap<>();
        final Map<String, Long> failuresByKind = new LinkedHashMap<>();
        final Map<String, Long> nanosByCheck = new LinkedHashMap<>();
        final Map<String, Long> unsupported = new java.util.TreeMap<>();
        final Map<String, Long> dialect = new java.util.TreeMap<>();
        final List<Failure> failures = new ArrayList<>();

        void count(String check, Verdict v) {
            byCheck.computeIfAbsent(check, k -> new EnumMap<>(Verdict.Status.class)).merge(v.status(), 1L, Long::sum);
        }

        long failureCount() {
            return failuresByKind.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(queries).append(" queries over ").append(schemas).append(" schemas\n");
            byCheck.forEach((check, counts) -> sb.append(String.format("  %-28s %s, %d ms%n", check, counts,
                    nanosByCheck.getOrDefault(check, 0L) / 1_000_000)));
            unsupported.forEach((m, n) -> sb.append("  0A000 ").append(n).append(" x ").append(m).append('\n'));
            dialect.forEach((m, n) -> sb.append("  dialect ").append(n).append(" x ").append(m).append('\n'));
            sb.append("  failures: ").append(failureCount());
            failuresByKind.forEach((k, n) -> sb.append("\n    ").append(n).append(" x ").append(k));
            return sb.toString();
        }
    }

    private final long seed;
    private final long maxQueries;
    private final long deadline;
    private final PrintStream out;
    private final List<Check> checks = List.of(new DifferentialCheck(), SameEngineCheck.indexVsScan(),
            SameEngineCheck.setVsOrderedSet(), SameEngineCheck.outsideVsInsideTransaction());
    private final Check tlp = new TernaryLogicCheck();

    private final Long onlySchemaSeed;

    /** @param onlySchemaSeed when not null, replays just the schema of that seed (as a failure prints it) */
    DifferentialFuzzer(long seed, long maxQueries, long maxMillis, Long onlySchemaSeed, PrintStream out) {
        this.seed = seed;
        this.onlySchemaSeed = onlySchemaSeed;
        this.maxQueries = maxQueries;
        this.deadline = System.currentTimeMillis() + maxMillis;
        this.out = out;
    }

    Stats run() {
        Stats stats = new Stats();
        Random seeds = new Random(seed);
        out.println("differential fuzzing, seed " + seed);
        while (stats.queries < maxQueries && System.currentTimeMillis() < deadline) {
            long schemaSeed = onlySchemaSeed != null ? onlySchemaSeed : seeds.nextLong();
            if (onlySchemaSeed != null && stats.schemas > 0) {
                break;
            }
            Random r = new Random(schemaSeed);
            FuzzSchema schema = new SchemaGenerator(r).generate();
            stats.schemas++;
            try (Databases db = Databases.open(schema)) {
                QueryGenerator gen = new QueryGenerator(r, schema);
                for (int q = 0; q < QUERIES_PER_SCHEMA && stats.queries < maxQueries; q++) {
                    stats.queries++;
                    Node root = gen.query();
                    Node group = Node.of(Node.Kind.GROUP, null, root, gen.predicate());
                    for (Check c : checks) {
                        verify(stats, db, c, root, schemaSeed, q);
                    }
                    verify(stats, db, tlp, group, schemaSeed, q);
                }
            } catch (SQLException e) {
                String kind = "schema refused " + e.getSQLState();
                stats.failuresByKind.merge(kind, 1L, Long::sum);
                stats.failures.add(new Failure("schema", kind, schemaSeed, -1, e.getMessage(),
                        String.join(";\n", schema.statements("")) + ";"));
            }
            if (stats.schemas % 20 == 0) {
                out.println("  ... " + stats.queries + " queries, " + stats.failureCount() + " failures");
            }
        }
        out.println(stats);
        return stats;
    }

    private void verify(Stats stats, Databases db, Check check, Node tree, long schemaSeed, int q) {
        long t0 = System.nanoTime();
        Verdict v = check.run(db, tree);
        stats.nanosByCheck.merge(check.name(), System.nanoTime() - t0, Long::sum);
        stats.count(check.name(), v);
        if (v.status() == Verdict.Status.UNSUPPORTED && check instanceof DifferentialCheck) {
            String m = v.detail().replaceAll("\\(.*\\)", "(...)");
            stats.unsupported.merge(m.substring(0, Math.min(80, m.length())), 1L, Long::sum);
        }
        if (v.status() == Verdict.Status.DIALECT) {
            stats.dialect.merge(v.kind(), 1L, Long::sum);
        }
        if (!v.failed()) {
            return;
        }
        String kind = check.name() + ": " + v.kind();
        long seen = stats.failuresByKind.merge(kind, 1L, Long::sum);
        if (seen > KEPT_PER_KIND) {
            return;
        }
        Reducer.Case small = new Reducer(check, v.kind()).reduce(db, tree);
        Failure f = new Failure(check.name(), v.kind(), schemaSeed, q, check.queries(tree), reproducer(check, small));
        stats.failures.add(f);
        out.println("FAILURE " + f);
    }

    private static String reproducer(Check check, Reducer.Case c) {
        StringBuilder sb = new StringBuilder();
        for (String s : c.schema().statements("")) {
            sb.append(s).append(";\n");
        }
        sb.append(check.queries(c.tree())).append('\n');
        try (Databases db = Databases.open(c.schema())) {
            Verdict v = check.run(db, c.tree());
            for (String line : v.detail().split("\n")) {
                sb.append("-- ").append(line).append('\n');
            }
        } catch (SQLException e) {
            sb.append("-- (the reduced schema no longer loads: ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }
}
