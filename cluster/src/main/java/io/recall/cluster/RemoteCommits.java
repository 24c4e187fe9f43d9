package io.recall.cluster;

import io.recall.engine.storage.ReplicaEvents;
import org.infinispan.commons.tx.XidImpl;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.TransactionCompleted;
import org.infinispan.notifications.cachelistener.annotation.TransactionRegistered;
import org.infinispan.notifications.cachelistener.event.TransactionCompletedEvent;
import org.infinispan.notifications.cachelistener.event.TransactionRegisteredEvent;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the engine when another node's commit is being applied here, so that readers see it whole.
 *
 * <p>Infinispan commits a transaction cache by cache (each one a separate one-phase prepare on every member,
 * in the order the caches joined the transaction), and each cache key by key. On a member, a cache's part
 * announces itself ({@code TransactionRegistered}) before its first entry is applied and ends with
 * {@code TransactionCompleted}; the parts of one transaction share its JTA Xid. Nothing tells a member which part
 * is the last, so every replicated commit ends with a write to the marker cache ({@link CommitMarker}), which
 * joins the transaction last: its completion closes the commit here. A part that failed closes it too, and so
 * does the originator leaving the cluster (its commit will not finish). A commit that changed the catalog is
 * reported as such when its catalog part is applied.
 */
@Listener(sync = true)
final class RemoteCommits {
    private record Applying(ReplicaEvents events, Address origin) {
    }

    private final String markerCache;
    private final String catalogCache;
    private final Map<XidImpl, Applying> applying = new ConcurrentHashMap<>();
    private volatile ReplicaEvents events;

    RemoteCommits(String markerCache, String catalogCache) {
        this.markerCache = markerCache;
        this.catalogCache = catalogCache;
    }

    void listen(ReplicaEvents events) {
        this.events = events;
    }

    @TransactionRegistered
    public void registered(TransactionRegisteredEvent<?, ?> e) {
        ReplicaEvents current = events;
        if (e.isOriginLocal() || current == null) {
            return;
        }
        XidImpl xid = e.getGlobalTransaction().getXid();
        if (xid != null && applying.putIfAbsent(xid, new Applying(current, e.getGlobalTransaction().getAddress())) == null) {
            current.remoteCommitStarts();
        }
    }

    @TransactionCompleted
    public void completed(TransactionCompletedEvent<?, ?> e) {
        if (e.isOriginLocal()) {
            return;
        }
        ReplicaEvents current = events;
        if (current != null && e.isTransactionSuccessful() && catalogCache.equals(e.getCache().getName())) {
            current.catalogChanged(); // read once the whole commit is applied (the follower reads under the gate)
        }
        if (!e.isTransactionSuccessful() || markerCache.equals(e.getCache().getName())) {
            XidImpl xid = e.getGlobalTransaction().getXid();
            if (xid != null) {
                finish(xid);
            }
        }
    }

    /** Commits of members that left will never finish: stop holding readers back for them. */
    @ViewChanged
    public void viewChanged(ViewChangedEvent e) {
        for (Map.Entry<XidImpl, Applying> entry : applying.entrySet()) {
            if (!e.getNewMembers().contains(entry.getValue().origin())) {
                finish(entry.getKey());
            }
        }
    }

    private void finish(XidImpl xid) {
        Applying done = applying.remove(xid);
        if (done != null) {
            done.events().remoteCommitApplied();
        }
    }
}
