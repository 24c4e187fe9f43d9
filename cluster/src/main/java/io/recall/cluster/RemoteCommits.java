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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells the engine when another node's commit is being applied here, so that readers see it whole.
 *
 * <p>Infinispan commits a transaction cache by cache (each one a separate one-phase prepare on every member,
 * in the order the caches joined the transaction), and each cache key by key. On a member, a cache's part
 * announces itself ({@code TransactionRegistered}) before its first entry is applied and ends with
 * {@code TransactionCompleted}; the parts of one transaction share its JTA Xid. Nothing tells a member which part
 * is the last, so every replicated commit ends with a write to the marker cache ({@link CommitMarker}), which
 * joins the transaction last: its completion closes the commit here, and with it any commit of the same member
 * that began before it and is still open (a member's commits of rows apply one at a time, and one that failed
 * half-way is followed by a marker of its own). A part that failed closes its commit too, and so does the originator leaving the cluster.
 * As a last resort, a commit open longer than {@code staleMillis} is closed, so that readers are never held back
 * for good by a commit whose end was lost. A commit that changed the catalog is reported as such when its
 * catalog part is applied.
 */
@Listener(sync = true)
final class RemoteCommits implements AutoCloseable {
    private record Applying(ReplicaEvents events, Address origin, long startNanos) {
    }

    private final String markerCache;
    private final String catalogCache;
    private final long staleNanos;
    private final Map<XidImpl, Applying> applying = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "recall-remote-commit-sweeper");
        t.setDaemon(true);
        return t;
    });
    private volatile ReplicaEvents events;

    RemoteCommits(String markerCache, String catalogCache, long staleMillis) {
        this.markerCache = markerCache;
        this.catalogCache = catalogCache;
        this.staleNanos = staleMillis * 1_000_000L;
        sweeper.scheduleWithFixedDelay(this::closeStale, 1, 1, TimeUnit.SECONDS);
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
        if (xid != null && applying.putIfAbsent(xid,
                new Applying(current, e.getGlobalTransaction().getAddress(), System.nanoTime())) == null) {
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
        if (markerCache.equals(e.getCache().getName())) {
            Address origin = e.getGlobalTransaction().getAddress();
            Applying own = e.getGlobalTransaction().getXid() == null ? null : applying.get(e.getGlobalTransaction().getXid());
            long until = own == null ? System.nanoTime() : own.startNanos();
            applying.forEach((xid, a) -> {
                if (a.origin().equals(origin) && a.startNanos() - until <= 0) {
                    finish(xid);
                }
            });
        } else if (!e.isTransactionSuccessful()) {
            XidImpl xid = e.getGlobalTransaction().getXid();
            if (xid != null) {
                finish(xid);
            }
        }
    }

    /** Commits of members that left will never finish: stop holding readers back for them. */
    @ViewChanged
    public void viewChanged(ViewChangedEvent e) {
        applying.forEach((xid, a) -> {
            if (!e.getNewMembers().contains(a.origin())) {
                finish(xid);
            }
        });
    }

    private void closeStale() {
        long now = System.nanoTime();
        applying.forEach((xid, a) -> {
            if (now - a.startNanos() > staleNanos) {
                System.getLogger(RemoteCommits.class.getName()).log(System.Logger.Level.WARNING,
                        "A commit of member {0} was still being applied here after {1} ms; readers go on without"
                                + " waiting for its end", a.origin(), staleNanos / 1_000_000L);
                finish(xid);
            }
        });
    }

    private void finish(XidImpl xid) {
        Applying done = applying.remove(xid);
        if (done != null) {
            done.events().remoteCommitApplied();
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
