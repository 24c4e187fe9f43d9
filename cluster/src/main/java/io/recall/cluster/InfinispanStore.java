package io.recall.cluster;

import io.recall.cluster.marshal.RecallMarshaller;
import io.recall.cluster.marshal.RowCodec;
import io.recall.engine.DatabaseSettings;
import io.recall.engine.storage.CatalogStore;
import io.recall.engine.storage.Sequences;
import io.recall.engine.storage.Store;
import io.recall.engine.storage.StoredForm;
import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.StorageType;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import org.infinispan.Cache;
import org.infinispan.conflict.MergePolicy;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.partitionhandling.PartitionHandling;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.cache.IsolationLevel;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.transaction.LockingMode;
import org.infinispan.transaction.TransactionMode;
import org.infinispan.transaction.lookup.EmbeddedTransactionManagerLookup;

import jakarta.transaction.TransactionManager;

import java.nio.file.Path;
import java.util.List;

/**
 * The storage SPI on an embedded Infinispan cache manager: one transactional, pessimistic cache
 * per table plus one for the catalog, all enlisted in the same JTA transaction. This is the
 * in-memory, single-node form ({@code ram_copies}); persistence and replication are cache
 * configuration added by later work, not a different store.
 */
public final class InfinispanStore implements Store {
    static final String CATALOG_CACHE = "__catalog";
    static final String UNIQUE_CACHE = "__unique";
    static final String SEQUENCES_CACHE = "__sequences";
    /** Written last by every commit of a cluster member ({@link CommitMarker}). */
    static final String COMMITS_CACHE = "__commits";
    private final DefaultCacheManager manager;
    private final long lockTimeoutMillis;
    /** The folder of a database on disc; null in memory. */
    private final DiscFolder disc;
    private final boolean syncWrites;
    /** How many rows of each disc_only_copies table stay in memory. */
    private final long memoryRows;
    private final TransactionManager transactions;
    private final CacheCatalogStore catalog;
    private final CacheUniqueKeys uniqueKeys;
    private final Sequences sequences;
    /** Every commit of a database on disc goes here first; null in memory. */
    private final CommitJournal journal;
    /** How this node joined its cluster; null on a single node. */
    private final ClusterSettings cluster;
    /** Follows other members' commits; null on a single node. */
    private final RemoteCommits remoteCommits;
    private final CommitMarker marker;
    /** The caches each transaction wrote; null on a single node. */
    private final CommitParts parts;
    private final ClusterReplication replication;
    /** The key store of a cluster with a secret; null otherwise. */
    private final ClusterSecret secret;

    public InfinispanStore(String databaseName) {
        this(databaseName, DatabaseSettings.DEFAULT_LOCK_TIMEOUT_MILLIS);
    }

    /**
     * An in-memory database. {@code lockTimeoutMillis} is the wait of the locks a write takes itself
     * ({@link TableStore#putLocking}): give the database's lock timeout, so that sessions keeping
     * it can skip a separate lock before such writes. Other row locks are taken with the
     * session's own timeout.
     */
    public InfinispanStore(String databaseName, long lockTimeoutMillis) {
        this("recall-" + databaseName, lockTimeoutMillis, null, false, 0, null);
    }

    /**
     * An in-memory database replicated over a cluster: this node joins (or forms) the cluster {@code cluster}
     * describes, and every table is copied to every member, written synchronously in the committing transaction.
     */
    public static InfinispanStore clustered(String databaseName, long lockTimeoutMillis, ClusterSettings cluster) {
        return new InfinispanStore("recall-" + databaseName, lockTimeoutMillis, null, false, 0, cluster);
    }

    /**
     * A database on disc in {@code folder} (created when missing, locked while open). With {@code syncWrites}
     * every commit is forced to the disc before it returns; without, the operating system writes it back later.
     * A disc_only_copies table keeps at most {@code memoryRows} of its rows in memory.
     */
    public static InfinispanStore onDisc(Path folder, long lockTimeoutMillis, boolean syncWrites, long memoryRows) {
        DiscFolder disc = DiscFolder.open(folder);
        try {
            return new InfinispanStore("recall-file-" + folder, lockTimeoutMillis, disc, syncWrites, memoryRows, null);
        } catch (RuntimeException | Error e) {
            disc.close();
            throw e;
        }
    }

    private InfinispanStore(String managerName, long lockTimeoutMillis, DiscFolder disc, boolean syncWrites,
                            long memoryRows, ClusterSettings cluster) {
        this.memoryRows = memoryRows;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.disc = disc;
        this.syncWrites = syncWrites;
        this.cluster = cluster;
        this.secret = cluster == null || cluster.secret() == null ? null
                : ClusterSecret.derive(cluster.secret(), cluster.cluster());
        GlobalConfigurationBuilder global = cluster == null ? new GlobalConfigurationBuilder().nonClusteredDefault()
                : ClusterTransport.configure(GlobalConfigurationBuilder.defaultClusteredBuilder(), cluster, secret);
        global.cacheManagerName(managerName);
        global.jmx().enabled(false);
        if (disc != null) {
            global.globalState().enable().persistentLocation(disc.root().toString());
        }
        if (disc != null || cluster != null) {
            global.serialization().marshaller(new RecallMarshaller());
        }
        try {
            manager = ClusterTransport.start(global, cluster);
        } catch (RuntimeException | Error e) {
            if (secret != null) {
                secret.close();
            }
            throw e;
        }
        try {
            remoteCommits = cluster == null ? null : new RemoteCommits(COMMITS_CACHE, CATALOG_CACHE, Math.max(lockTimeoutMillis, 1000));
            if (remoteCommits != null) {
                manager.addListener(remoteCommits);
            }
            Cache<String, String> catalogCache = followed(cache(CATALOG_CACHE));
            transactions = catalogCache.getAdvancedCache().getTransactionManager();
            parts = cluster == null ? null : new CommitParts(transactions);
            marker = cluster == null ? null : new CommitMarker(markerCache(), cluster.node(), transactions);
            journal = disc == null ? null : openJournal(disc.journal());
            catalog = new CacheCatalogStore(catalogCache, transactions, journal, marker, parts);
            uniqueKeys = new CacheUniqueKeys(followed(cache(UNIQUE_CACHE)), journal, transactions, marker, parts);
            sequences = disc == null && cluster == null ? new LocalSequences()
                    : new CacheSequences(cache(SEQUENCES_CACHE), transactions);
            replication = cluster == null ? null
                    : new ClusterReplication(manager, catalogCache, transactions, remoteCommits, cluster);
        } catch (RuntimeException | Error e) {
            manager.stop();
            throw e;
        }
    }

    /** The marker cache: followed like the others, and its entries are the announcements of commits. */
    private Cache<String, String> markerCache() {
        Cache<String, String> markers = followed(cache(COMMITS_CACHE));
        markers.addListener(remoteCommits.announcements());
        return markers;
    }

    /** In a cluster, other members' commits to the cache are followed ({@link RemoteCommits}). */
    private <K, V> Cache<K, V> followed(Cache<K, V> cache) {
        if (remoteCommits != null) {
            cache.addListener(remoteCommits);
        }
        return cache;
    }

    @Override
    public io.recall.engine.storage.Replication replication() {
        return replication;
    }

    /**
     * Applies again every commit the journal holds (a process killed during a commit may have left part of it in
     * the file stores), then empties it and keeps it open for the commits to come.
     */
    private CommitJournal openJournal(Path file) {
        for (List<CommitJournal.Change> commit : CommitJournal.read(file)) {
            try {
                transactions.begin();
                for (CommitJournal.Change c : commit) {
                    Cache<Object, Object> target = cache(c.cache());
                    if (c.value() == null) {
                        target.remove(c.key());
                    } else {
                        target.put(c.key(), c.value());
                    }
                }
                transactions.commit();
            } catch (RecallException e) {
                throw e;
            } catch (Exception e) {
                throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot apply the commit journal " + file + " again: "
                        + e, e);
            }
        }
        CommitJournal opened = CommitJournal.open(file, syncWrites, transactions);
        opened.truncate();
        return opened;
    }

    /** A system cache (catalog, unique claims, sequences): on disc in a database on disc. */
    private <K, V> Cache<K, V> cache(String name) {
        return cache(name, disc != null, false);
    }

    /**
     * Defines the cache (with a file store when {@code onDisc}; keeping at most {@link #memoryRows} entries in
     * memory when {@code bounded}) and starts it.
     */
    private <K, V> Cache<K, V> cache(String name, boolean onDisc, boolean bounded) {
        if (manager.getCacheConfiguration(name) == null) {
            manager.defineConfiguration(name, configuration(name, onDisc, bounded));
        }
        return manager.getCache(name);
    }

    private Configuration configuration(String name, boolean onDisc, boolean bounded) {
        ConfigurationBuilder b = new ConfigurationBuilder();
        b.clustering().cacheMode(cluster == null ? CacheMode.LOCAL : CacheMode.REPL_SYNC);
        if (cluster != null) {
            b.clustering().partitionHandling().whenSplit(switch (cluster.partition()) {
                case DENY -> PartitionHandling.DENY_READ_WRITES;
                case ALLOW_READS -> PartitionHandling.ALLOW_READS;
                case ALLOW -> PartitionHandling.ALLOW_READ_WRITES;
            }).mergePolicy(MergePolicy.PREFERRED_ALWAYS);
        }
        b.transaction().transactionMode(TransactionMode.TRANSACTIONAL).lockingMode(LockingMode.PESSIMISTIC)
                .transactionManagerLookup(new EmbeddedTransactionManagerLookup())
                // a write with no transaction attached fails instead of committing on its own: if a transaction is
                // ever lost in the middle of a statement, its remaining writes must not commit piecemeal
                .autoCommit(false)
                // a dropped or rewritten table's cache stops at once: the engine refuses the commits of
                // transactions that wrote it, so waiting for them (30 s by default) would only hold DDL up
                .cacheStopTimeout(0);
        b.locking().isolationLevel(IsolationLevel.REPEATABLE_READ).lockAcquisitionTimeout(lockTimeoutMillis);
        b.statistics().enabled(false);
        if (onDisc) {
            // disc_copies: every row in memory (preloaded on open), every commit written through to the file store
            Path dir = disc.cache(name);
            b.persistence().passivation(false).addSoftIndexFileStore()
                    .dataLocation(dir.resolve("data").toString()).indexLocation(dir.resolve("index").toString())
                    .syncWrites(syncWrites).preload(!bounded).purgeOnStartup(false);
            if (bounded) {
                // disc_only_copies: every row on disc, at most memoryRows of them also in memory (never passivation:
                // it writes only on eviction, so a crash would lose commits)
                b.memory().maxCount(memoryRows);
            }
        }
        return b.build();
    }

    @Override
    public TableStore createTable(String storageName, TableOptions options) {
        return openTable(storageName, options);
    }

    /**
     * A {@code ram_copies} table keeps its rows in memory only, also in a database on disc (whose catalog keeps its
     * definition: it comes back empty); a {@code disc_copies} table of a database on disc writes every commit
     * through to its file store, journaled.
     */
    @Override
    public TableStore openTable(String storageName, TableOptions options) {
        StorageType storage = options.storage();
        boolean onDisc = disc != null && storage.onDisc();
        boolean started = manager.isRunning(storageName);
        Cache<Object, Object> cache = cache(storageName, onDisc, storage == StorageType.DISC_ONLY_COPIES);
        if (!started) {
            followed(cache);
        }
        return new CacheTableStore(cache, transactions, storage, onDisc ? journal : null, onDisc || cluster != null,
                parts);
    }

    @Override
    public void dropTable(String storageName) {
        manager.administration().removeCache(storageName);
        manager.undefineConfiguration(storageName);
        if (disc != null) {
            disc.deleteCache(storageName);
        }
    }

    @Override
    public CatalogStore catalog() {
        return catalog;
    }

    @Override
    public Sequences sequences() {
        return sequences;
    }

    @Override
    public UniqueKeys uniqueKeys() {
        return uniqueKeys;
    }

    @Override
    public StoredForm storedForm() {
        return new StoredForm() {
            @Override
            public byte[] encodeRow(Object[] row) {
                return RowCodec.encodeRow(row);
            }

            @Override
            public Object[] decodeRow(byte[] bytes) {
                return RowCodec.decodeRow(bytes);
            }

            @Override
            public byte[] encodeKey(Object key) {
                return RowCodec.encodeKey(key);
            }

            @Override
            public Object decodeKey(byte[] bytes) {
                return RowCodec.decodeKey(bytes);
            }
        };
    }

    @Override
    public StoreTransaction begin() {
        return JtaTransaction.begin(transactions, journal, marker, parts);
    }

    @Override
    public void close() {
        try {
            if (remoteCommits != null) {
                remoteCommits.close();
            }
            manager.stop();
        } finally {
            if (secret != null) {
                secret.close();
            }
            if (journal != null) {
                journal.close();
            }
            if (disc != null) {
                disc.close();
            }
        }
    }
}
