package io.recall.harness.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster with {@code secret=}: its members encrypt their traffic with a key derived from the secret and admit
 * only nodes that know it. A node with another secret, or none, cannot join: its connect fails with {@code 08001}
 * saying why, instead of running on as a cluster of its own.
 */
class SecretTest {
    @Test
    void onlyMembersThatKnowTheSecretJoin() {
        String cluster = "secret-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        int[] ports = {NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort()};
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            nodes.add(NodeProcess.start("n1", url(cluster, ports, 0, ";secret=open sesame"), ports[0], 120));
            nodes.add(NodeProcess.start("n2", url(cluster, ports, 1, ";secret=open sesame"), ports[1], 120));
            nodes.get(0).sql("CREATE TABLE vault (id INT PRIMARY KEY, gold INT)");
            nodes.get(0).sql("INSERT INTO vault VALUES (1, 100)");
            assertEquals("100", nodes.get(1).sql("SELECT gold FROM vault WHERE id = 1").value());
            assertEquals("2", nodes.get(1).sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.CLUSTER_MEMBERS").value());

            for (String wrong : new String[]{";secret=open barley", ""}) {
                String answer = NodeProcess.startFailing("n3", url(cluster, ports, 2, wrong), ports[2], 120);
                assertTrue(answer.startsWith("ERR 08001 "), answer);
                assertTrue(answer.contains("did not let this node in") && answer.contains("secret="), answer);
                assertTrue(!answer.contains("sesame") && !answer.contains("barley"), "a secret was printed: " + answer);
            }
            assertEquals("2", nodes.get(0).sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.CLUSTER_MEMBERS").value());
            nodes.get(1).sql("UPDATE vault SET gold = 99 WHERE id = 1");
            assertEquals("99", nodes.get(0).sql("SELECT gold FROM vault WHERE id = 1").value());
        } finally {
            nodes.forEach(NodeProcess::close);
        }
    }

    private static String url(String cluster, int[] ports, int i, String extra) {
        StringBuilder peers = new StringBuilder();
        for (int j = 0; j < ports.length; j++) {
            if (j != i) {
                peers.append(peers.length() > 0 ? "," : "").append("127.0.0.1:").append(ports[j]);
            }
        }
        return "jdbc:recall:mem:app;cluster=" + cluster + ";node=n" + (i + 1) + ";port=" + ports[i] + ";peers=" + peers
                + extra;
    }
}
