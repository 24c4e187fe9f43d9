package io.recall.cluster;

import io.recall.engine.storage.ReplicaEvents;
import io.recall.engine.storage.Replication;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import org.infinispan.Cache;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.partitionhandling.AvailabilityMode;
import org.infinispan.remoting.transport.Address;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** The engine's view of the cluster a store replicates over (see {@link Replication}). */
final class ClusterReplication implements Replication {
    /** The catalog entry whose lock is the schema lock; it is never written. */
    private static final String SCHEMA_LOCK_KEY = "lock:schema";

    private final DefaultCacheManager manager;
    private final Cache<String, String> catalog;
    private final TransactionManager transactions;
    private final RemoteCommits remoteCommits;
    private final ClusterSettings settings;

    ClusterReplication(DefaultCacheManager manager, Cache<String, String> catalog, TransactionManager transactions,
                       RemoteCommits remoteCommits, ClusterSettings settings) {
        this.manager = manager;
        this.catalog = catalog;
        this.transactions = transactions;
        this.remoteCommits = remoteCommits;
        this.settings = settings;
    }

    /**
     * Reads come from the caches' data containers, past Infinispan's own availability check, so the policy is
     * applied here, before each statement (Infinispan still refuses the writes of a cut-off member at commit).
     */
    @Override
    public void checkAvailable(boolean write) {
        if (catalog.getAdvancedCache().getAvailability() == AvailabilityMode.AVAILABLE
                || settings.partition() == PartitionPolicy.ALLOW
                || settings.partition() == PartitionPolicy.ALLOW_READS && !write) {
            return;
        }
        throw new RecallException(ErrorCode.CLUSTER_UNAVAILABLE, "Member " + settings.node() + " is cut off from the "
                + "majority of cluster " + settings.cluster() + " (members seen: " + members() + "), and partition="
                + settings.partition().urlName() + " refuses " + (write ? "writes" : "reads")
                + " until the cluster is whole again");
    }

    @Override
    public void listen(ReplicaEvents events) {
        remoteCommits.listen(events);
    }

    /** The lock is held by a transaction of its own, set aside until the lock is released. */
    @Override
    public SchemaLock lockSchema(long timeoutMillis) {
        return OutsideTransaction.run(transactions, () -> {
            Transaction holder;
            boolean locked;
            try {
                transactions.begin();
                locked = new LockPoller<>(catalog).lock(SCHEMA_LOCK_KEY, timeoutMillis);
                holder = transactions.suspend();
            } catch (Exception e) {
                throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot take the schema lock: " + e, e);
            }
            if (!locked) {
                release(holder);
                throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Another member is changing the schema: the "
                        + "schema lock was not free after " + timeoutMillis + " ms");
            }
            return () -> release(holder);
        });
    }

    private void release(Transaction holder) {
        OutsideTransaction.run(transactions, () -> {
            try {
                transactions.resume(holder);
                transactions.rollback();
            } catch (Exception e) {
                throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot release the schema lock: " + e, e);
            }
            return null;
        });
    }

    @Override
    public void forgetTable(String storageName) {
        if (manager.cacheExists(storageName)) {
            manager.administration().removeCache(storageName); // this member's copy only
        }
        manager.undefineConfiguration(storageName);
    }

    @Override
    public void awaitCopies(Collection<String> storageNames, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (String name : storageNames) {
            while (!heldByEveryMember(name)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new RecallException(ErrorCode.CLUSTER_UNAVAILABLE, "Not every member of the cluster holds a"
                            + " copy of table storage " + name + " after " + timeoutMillis + " ms (members "
                            + members() + ")");
                }
                LockSupport.parkNanos(5_000_000);
            }
        }
    }

    private boolean heldByEveryMember(String name) {
        if (!manager.isRunning(name)) {
            return true; // dropped meanwhile
        }
        var topology = manager.getCache(name).getAdvancedCache().getDistributionManager().getCacheTopology();
        Set<Address> holders = new HashSet<>(topology.getActualMembers());
        return holders.containsAll(manager.getMembers());
    }

    @Override
    public String nodeName() {
        return String.valueOf(manager.getAddress());
    }

    @Override
    public List<String> members() {
        List<String> names = new ArrayList<>();
        for (Address a : manager.getMembers()) {
            names.add(String.valueOf(a));
        }
        return names;
    }
}
