package io.recall.harness.cluster;

import org.jgroups.Message;
import org.jgroups.stack.Protocol;
import org.jgroups.util.MessageBatch;

/**
 * A JGroups protocol for tests, placed just above the transport: while {@link #cut} is set, this member drops
 * every message it sends or receives, as if its network cable were pulled. The others suspect it within seconds
 * and go on without it; it finds itself alone. Clearing the flag heals the split and MERGE3 joins the sides.
 */
public final class TestPartition extends Protocol {
    static volatile boolean cut;

    @Override
    public Object down(Message msg) {
        return cut ? null : down_prot.down(msg);
    }

    @Override
    public Object up(Message msg) {
        return cut ? null : up_prot.up(msg);
    }

    @Override
    public void up(MessageBatch batch) {
        if (!cut) {
            up_prot.up(batch);
        }
    }
}
