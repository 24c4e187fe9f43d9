package io.recall.cluster;

import org.infinispan.AdvancedCache;
import org.infinispan.Cache;
import org.infinispan.context.Flag;

import java.util.concurrent.locks.LockSupport;

/**
 * Takes a cache key's pessimistic lock with a per-call timeout: a no-wait attempt polled with a
 * growing pause (20 µs doubling to 2 ms). The cache's own lock timeout is fixed per cache, and a
 * failed no-wait attempt, unlike a timed-out lock, leaves the transaction usable.
 */
final class LockPoller<K> {
    private static final long MAX_PAUSE_NANOS = 2_000_000;

    private final AdvancedCache<K, ?> tryLock;

    LockPoller(Cache<K, ?> cache) {
        this.tryLock = cache.getAdvancedCache().withFlags(Flag.ZERO_LOCK_ACQUISITION_TIMEOUT, Flag.FAIL_SILENTLY);
    }

    boolean lock(K key, long timeoutMillis) {
        if (tryLock.lock(key)) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        long pause = 20_000;
        while (System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(pause);
            if (tryLock.lock(key)) {
                return true;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
        return false;
    }
}
