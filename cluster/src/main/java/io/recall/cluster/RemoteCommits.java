package io.recall.cluster;

import io.recall.engine.storage.ReplicaEvents;
import org.infinispan.commons.tx.XidImpl;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryCreatedEvent;
import org.infinispan.notifications.cachelistener.event.CacheEntryModifiedEvent;
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
 * {@code TransactionCompleted}; the parts of one transaction share its JTA Xid. A commit of one part ends with
 * that part. A commit of several parts is announced first by its originator ({@link CommitMarker}: the marker
 * cache's entry of that member gets the transaction's id and its number of parts, applied here before the first
 * part arrives), and ends when that many parts have completed. A part that failed ends its commit, and so does an
 * announcement of 0 parts (the originator's commit failed), the originator leaving the cluster, or, as a last
 * resort, a commit still open after {@code staleMillis}, so that readers are never held back for good by a commit
 * whose end was lost. A commit that changed the catalog is reported as such when its catalog part is applied.
 */
@Listener(sync = true)
final class RemoteCommits implements AutoCloseable {
    private static final class Applying {
        final ReplicaEvents events;
        final Address origin;
        final long startNanos;
        int completed;

        Applying(ReplicaEvents events, Address origin, long startNanos) {
            this.events = events;
            this.origin = origin;
            this.startNanos = startNanos;
        }
    }

    private final String markerCache;
    private final String catalogCache;
    private final long staleNanos;
    private final Map<String, Applying> applying = new ConcurrentHashMap<>();
    /** Announced commits of several parts not finished yet: their parts, by transaction id. */
    private final Map<String, Integer> announced = new ConcurrentHashMap<>();
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
        if (xid != null && applying.putIfAbsent(CommitMarker.id(xid),
                new Applying(current, e.getGlobalTransaction().getAddress(), System.nanoTime())) == null) {
            current.remoteCommitStarts();
        }
    }

    /** Listens to the marker cache's entries: the announcements, each applied before its commit's first part. */
    @Listener(sync = true, observation = Listener.Observation.POST)
    final class Announcements {
        @CacheEntryCreated
        public void created(CacheEntryCreatedEvent<String, String> e) {
            if (!e.isOriginLocal()) {
                announce(e.getValue());
            }
        }

        @CacheEntryModified
        public void modified(CacheEntryModifiedEvent<String, String> e) {
            if (!e.isOriginLocal()) {
                announce(e.getNewValue());
            }
        }
    }

    Announcements announcements() {
        return new Announcements();
    }

    private void announce(String value) {
        int space = value.indexOf(' ');
        String id = value.substring(0, space);
        int parts = Integer.parseInt(value.substring(space + 1));
        if (parts == 0) {
            announced.remove(id);
            finish(id);
        } else {
            announced.put(id, parts);
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
        XidImpl xid = e.getGlobalTransaction().getXid();
        if (xid == null) {
            return;
        }
        String id = CommitMarker.id(xid);
        Applying a = applying.get(id);
        if (a == null) {
            return;
        }
        Integer parts = announced.get(id);
        if (!e.isTransactionSuccessful() || parts == null || ++a.completed >= parts) {
            announced.remove(id);
            finish(id);
        }
    }

    /** Commits of members that left will never finish: stop holding readers back for them. */
    @ViewChanged
    public void viewChanged(ViewChangedEvent e) {
        applying.forEach((id, a) -> {
            if (!e.getNewMembers().contains(a.origin)) {
                announced.remove(id);
                finish(id);
            }
        });
    }

    private void closeStale() {
        long now = System.nanoTime();
        applying.forEach((id, a) -> {
            if (now - a.startNanos > staleNanos) {
                System.getLogger(RemoteCommits.class.getName()).log(System.Logger.Level.WARNING,
                        "A commit of member {0} was still being applied here after {1} ms; readers go on without"
                                + " waiting for its end", a.origin, staleNanos / 1_000_000L);
                announced.remove(id);
                finish(id);
            }
        });
    }

    private void finish(String id) {
        Applying done = applying.remove(id);
        if (done != null) {
            done.events.remoteCommitApplied();
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
