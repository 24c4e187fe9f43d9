package io.recall.bench;

import jakarta.transaction.TransactionManager;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.context.Flag;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.infinispan.transaction.LockingMode;
import org.infinispan.transaction.TransactionMode;
import org.infinispan.transaction.lookup.EmbeddedTransactionManagerLookup;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The 3-member cluster benchmark (issue 8): three Recall members in this JVM, joined over TCP on loopback exactly
 * as separate processes would be, and single-threaded replicated insert, update, transfer and point-select rates
 * on one of them; then three bare Infinispan managers on the same kind of stack, with a REPL_SYNC pessimistic
 * cache, for the raw engine's rate of the same writes; and H2 in memory for point selects on one node.
 * {@code mvn -q -B -pl test-harness exec:java@cluster-bench [-Dbench.seconds=3]}; the report goes to
 * {@code target/bench/cluster-report.md}.
 */
public final class ClusterBenchmark {
    private static final int ROWS = 1_000;

    private record Rate(String name, double perSecond) {
        double micros() {
            return 1e6 / perSecond;
        }
    }

    private interface Op {
        void run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.getLong("bench.seconds", 3);
        Path out = Path.of(args.length > 0 && args[0].startsWith("out=") ? args[0].substring(4) : "target/bench");
        int[] ports = {freePort(), freePort(), freePort()};
        List<Rate> recall = recall(ports, seconds);
        List<Rate> raw = raw(freePorts(3), seconds);
        Rate h2 = h2(seconds);
        StringBuilder report = new StringBuilder("# Cluster benchmark: 3 members on loopback, one thread\n\n")
                .append("| workload | Recall ops/s | µs/op | raw Infinispan ops/s | µs/op | Recall / raw |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < recall.size(); i++) {
            Rate r = recall.get(i);
            Rate w = raw.get(i);
            report.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f (%s) | %.0f | %.2f |%n", r.name(),
                    r.perSecond(), r.micros(), w.perSecond(), w.name(), w.micros(), r.perSecond() / w.perSecond()));
        }
        Rate select = recall.get(recall.size() - 1);
        report.append(String.format(Locale.ROOT, "%nPoint select on a member vs H2 in memory on one node: %.0f vs %.0f"
                + " ops/s, ratio %.2f%n", select.perSecond(), h2.perSecond(), select.perSecond() / h2.perSecond()));
        Files.createDirectories(out);
        Files.writeString(out.resolve("cluster-report.md"), report);
        System.out.println(report);
        System.exit(0);
    }

    private static List<Rate> recall(int[] ports, long seconds) throws Exception {
        List<Connection> members = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                StringBuilder peers = new StringBuilder();
                for (int j = 0; j < 3; j++) {
                    if (j != i) {
                        peers.append(peers.length() > 0 ? "," : "").append("127.0.0.1:").append(ports[j]);
                    }
                }
                members.add(DriverManager.getConnection("jdbc:recall:mem:bench" + i + ";cluster=bench-" + ports[0]
                        + ";node=m" + i + ";port=" + ports[i] + ";peers=" + peers));
            }
            Connection c = members.get(0);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE acct (id INT PRIMARY KEY, v BIGINT)");
                s.execute("CREATE TABLE ins (id INT PRIMARY KEY, v BIGINT)");
                for (int i = 0; i < ROWS; i++) {
                    s.execute("INSERT INTO acct VALUES (" + i + ", 1000)");
                }
            }
            List<Rate> rates = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ins VALUES (?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE acct SET v = v + 1 WHERE id = ?");
                 PreparedStatement move = c.prepareStatement("UPDATE acct SET v = v + ? WHERE id = ?");
                 PreparedStatement select = c.prepareStatement("SELECT v FROM acct WHERE id = ?")) {
                int[] next = {0};
                rates.add(measure("insert", seconds, i -> {
                    insert.setInt(1, next[0]++);
                    insert.setLong(2, i);
                    insert.executeUpdate();
                }));
                rates.add(measure("update", seconds, i -> {
                    update.setInt(1, i % ROWS);
                    update.executeUpdate();
                }));
                rates.add(measure("transfer", seconds, i -> {
                    c.setAutoCommit(false);
                    int a = i % ROWS;
                    int b = (i * 7 + 1) % ROWS;
                    move.setLong(1, -1);
                    move.setInt(2, Math.min(a, b));
                    move.executeUpdate();
                    move.setLong(1, 1);
                    move.setInt(2, Math.max(a, b));
                    move.executeUpdate();
                    c.commit();
                    c.setAutoCommit(true);
                }));
                rates.add(measure("point-select", seconds, i -> {
                    select.setInt(1, ThreadLocalRandom.current().nextInt(ROWS));
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                    }
                }));
            }
            return rates;
        } finally {
            for (Connection m : members) {
                m.close();
            }
        }
    }

    /** The same writes on bare Infinispan: one transaction per operation, as Recall's auto-commit statements. */
    private static List<Rate> raw(int[] ports, long seconds) throws Exception {
        List<DefaultCacheManager> managers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                GlobalConfigurationBuilder g = GlobalConfigurationBuilder.defaultClusteredBuilder();
                g.transport().clusterName("raw-" + ports[0]).nodeName("r" + i)
                        .addProperty(JGroupsTransport.CONFIGURATION_STRING, stack(ports, i));
                g.jmx().enabled(false);
                DefaultCacheManager m = new DefaultCacheManager(g.build());
                ConfigurationBuilder b = new ConfigurationBuilder();
                b.clustering().cacheMode(CacheMode.REPL_SYNC);
                b.transaction().transactionMode(TransactionMode.TRANSACTIONAL).lockingMode(LockingMode.PESSIMISTIC)
                        .transactionManagerLookup(new EmbeddedTransactionManagerLookup());
                m.defineConfiguration("raw", b.build());
                m.getCache("raw");
                managers.add(m);
            }
            Cache<Integer, Long> cache = managers.get(0).getCache("raw");
            TransactionManager tm = cache.getAdvancedCache().getTransactionManager();
            var writes = cache.getAdvancedCache().withFlags(Flag.IGNORE_RETURN_VALUES);
            for (int i = 0; i < ROWS; i++) {
                cache.put(i, 1000L);
            }
            List<Rate> rates = new ArrayList<>();
            int[] next = {ROWS};
            rates.add(measure("tx put", seconds, i -> {
                tm.begin();
                writes.put(next[0]++, (long) i);
                tm.commit();
            }));
            rates.add(measure("tx lock, get, put", seconds, i -> {
                tm.begin();
                int k = i % ROWS;
                cache.getAdvancedCache().lock(k);
                writes.put(k, cache.get(k) + 1);
                tm.commit();
            }));
            rates.add(measure("tx 2 x lock, get, put", seconds, i -> {
                tm.begin();
                int a = Math.min(i % ROWS, (i * 7 + 1) % ROWS);
                int b = Math.max(i % ROWS, (i * 7 + 1) % ROWS);
                cache.getAdvancedCache().lock(a);
                writes.put(a, cache.get(a) - 1);
                cache.getAdvancedCache().lock(b);
                writes.put(b, cache.get(b) + 1);
                tm.commit();
            }));
            rates.add(measure("get", seconds, i -> cache.get(ThreadLocalRandom.current().nextInt(ROWS))));
            return rates;
        } finally {
            for (int i = managers.size() - 1; i >= 0; i--) {
                managers.get(i).stop();
            }
        }
    }

    private static Rate h2(long seconds) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:clusterbench")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE acct (id INT PRIMARY KEY, v BIGINT)");
                for (int i = 0; i < ROWS; i++) {
                    s.execute("INSERT INTO acct VALUES (" + i + ", 1000)");
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT v FROM acct WHERE id = ?")) {
                return measure("point-select (H2)", seconds, i -> {
                    select.setInt(1, ThreadLocalRandom.current().nextInt(ROWS));
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                    }
                });
            }
        }
    }

    /** Warms up for a second, then runs the operation for {@code seconds}. */
    private static Rate measure(String name, long seconds, Op op) throws Exception {
        int i = 0;
        long warm = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warm) {
            op.run(i++);
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            op.run(i++);
            n++;
        }
        return new Rate(name, n / ((System.nanoTime() - start) / 1e9));
    }

    /** Recall's stack for URL properties (TCP, TCPPING over the three ports). */
    private static String stack(int[] ports, int self) {
        StringBuilder hosts = new StringBuilder();
        for (int port : ports) {
            hosts.append(hosts.length() > 0 ? "," : "").append("127.0.0.1[").append(port).append("]");
        }
        return """
                <config xmlns="urn:org:jgroups">
                  <TCP bind_addr="127.0.0.1" bind_port="%d" port_range="0" sock_conn_timeout="300ms" tcp_nodelay="true"
                       bundler_type="transfer-queue" diag.enabled="false"/>
                  <TCPPING initial_hosts="%s" port_range="0"/>
                  <MERGE3 min_interval="2s" max_interval="5s"/>
                  <FD_ALL3 timeout="3s" interval="1s"/>
                  <VERIFY_SUSPECT2 timeout="500ms"/>
                  <pbcast.NAKACK2 use_mcast_xmit="false" xmit_interval="100ms"/>
                  <UNICAST3 xmit_interval="100ms"/>
                  <pbcast.STABLE desired_avg_gossip="5s" max_bytes="1M"/>
                  <pbcast.GMS print_local_addr="false" join_timeout="1s"/>
                  <UFC max_credits="4m" min_threshold="0.40"/>
                  <MFC max_credits="4m" min_threshold="0.40"/>
                  <FRAG4 frag_size="60k"/>
                </config>
                """.formatted(ports[self], hosts);
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) {
            ports[i] = freePort();
        }
        return ports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
