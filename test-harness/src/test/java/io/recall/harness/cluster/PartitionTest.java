package io.recall.harness.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A split cluster: three member JVMs, one of them cut off the network ({@link TestPartition}, in a stack given by
 * the {@code jgroups=} URL property). With the default {@code partition=deny}, the cut-off member refuses reads and
 * writes with {@code 08006} instead of serving stale rows or diverging, the majority goes on, and once the network
 * heals the member merges back and reads the majority's rows.
 */
class PartitionTest {
    @TempDir
    Path dir;

    @Test
    void theMinorityRefusesWorkAndCatchesUpAfterTheSplitHeals() {
        String cluster = "split-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        int[] ports = {NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort()};
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Path stack = dir.resolve("n" + (i + 1) + ".xml");
                write(stack, stack(ports, i));
                nodes.add(NodeProcess.start("n" + (i + 1), "jdbc:recall:mem:app;cluster=" + cluster + ";node=n" + (i + 1)
                        + ";jgroups=" + stack + ";lock_timeout=2000", ports[i], 120));
            }
            NodeProcess a = nodes.get(0);
            NodeProcess cut = nodes.get(2);
            a.sql("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            a.sql("CREATE INDEX t_v ON t(v)");
            a.sql("INSERT INTO t VALUES (1, 10)");
            assertEquals("10", cut.sql("SELECT v FROM t WHERE id = 1").value());

            assertTrue(cut.send("CUT true", 30).ok());
            String refused = waitFor(cut, "SELECT v FROM t WHERE id = 1", "08006");
            assertTrue(refused.contains("partition=deny"), refused);
            assertEquals("08006", cut.send("SQL INSERT INTO t VALUES (3, 30)", 60).sqlState());
            // the majority goes on (its first commit waits until the cut member is suspected)
            nodes.get(1).sql("INSERT INTO t VALUES (2, 20)");
            a.sql("UPDATE t SET v = 11 WHERE id = 1");
            assertEquals("2|31", nodes.get(1).sql("SELECT COUNT(*), SUM(v) FROM t").value());

            assertTrue(cut.send("CUT false", 30).ok());
            waitFor(cut, "SELECT COUNT(*), SUM(v) FROM t", "2|31");
            assertEquals("2", cut.sql("SELECT id FROM t WHERE v = 20").value(), "an index read after the merge");
            cut.sql("INSERT INTO t VALUES (3, 30)");
            assertEquals("3|61", a.sql("SELECT COUNT(*), SUM(v) FROM t").value());
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }

    /** Repeats the query until it answers {@code expected} (a value, or an SQLState); returns the last answer. */
    private static String waitFor(NodeProcess node, String sql, String expected) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String last = null;
        while (System.nanoTime() < deadline) {
            NodeProcess.Answer a = node.send("SQL " + sql, 60);
            last = a.ok() ? String.join(";", a.rows()) : a.last();
            if (expected.equals(a.ok() ? last : a.sqlState())) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError(node.name + ": " + sql + " never answered " + expected + "; last: " + last);
    }

    /** The stack URL properties would build, with the test's cutter above the transport. */
    private static String stack(int[] ports, int self) {
        StringBuilder hosts = new StringBuilder();
        for (int port : ports) {
            hosts.append(hosts.length() > 0 ? "," : "").append("127.0.0.1[").append(port).append("]");
        }
        return """
                <config xmlns="urn:org:jgroups">
                  <TCP bind_addr="127.0.0.1" bind_port="%d" port_range="0" sock_conn_timeout="300ms" diag.enabled="false"/>
                  <io.recall.harness.cluster.TestPartition/>
                  <TCPPING initial_hosts="%s" port_range="0"/>
                  <MERGE3 min_interval="1s" max_interval="3s"/>
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

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
