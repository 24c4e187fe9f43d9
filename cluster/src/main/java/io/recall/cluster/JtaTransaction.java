package io.recall.cluster;

import io.recall.engine.storage.StoreTransaction;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

/**
 * A JTA transaction of Infinispan's embedded transaction manager, detached from threads between
 * statements (JTA binds a transaction to a thread; a pooled JDBC connection moves between them).
 */
final class JtaTransaction implements StoreTransaction {
    private final TransactionManager manager;
    private final Transaction transaction;
    /** The journal of a database on disc (its commits go there first); null in memory. */
    private final CommitJournal journal;
    /** The commit marker of a cluster member (written last by every commit); null on a single node. */
    private final CommitMarker marker;
    private final CommitParts parts;

    private JtaTransaction(TransactionManager manager, Transaction transaction, CommitJournal journal,
                           CommitMarker marker, CommitParts parts) {
        this.manager = manager;
        this.transaction = transaction;
        this.journal = journal;
        this.marker = marker;
        this.parts = parts;
    }

    static JtaTransaction begin(TransactionManager manager, CommitJournal journal, CommitMarker marker,
                                CommitParts parts) {
        try {
            if (manager.getTransaction() != null) {
                manager.suspend();
            }
            manager.begin();
            return new JtaTransaction(manager, manager.getTransaction(), journal, marker, parts);
        } catch (Exception e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot start a store transaction: " + e, e);
        }
    }

    @Override
    public void resume() {
        try {
            if (manager.getTransaction() != transaction) {
                if (manager.getTransaction() != null) {
                    manager.suspend();
                }
                manager.resume(transaction);
            }
        } catch (Exception e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot resume the store transaction: " + e, e);
        }
    }

    @Override
    public void suspend() {
        try {
            if (manager.getTransaction() == transaction) {
                manager.suspend();
            }
        } catch (SystemException e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot suspend the store transaction: " + e, e);
        }
    }

    @Override
    public void commit() {
        long record = journal == null ? 0 : journal.beforeCommit(transaction);
        int written = parts == null ? 0 : parts.take(transaction);
        try {
            if (written > 1) {
                marker.announce(transaction, written); // members hold their readers back until every part is in
            }
            manager.commit();
            if (journal != null) {
                journal.afterCommit(record, true);
            }
        } catch (Exception e) {
            if (journal != null) {
                journal.afterCommit(record, false);
            }
            suspendQuietly();
            if (written > 1) {
                announceFailure();
            }
            throw new RecallException(ErrorCode.LOCK_TIMEOUT, "Commit failed and the transaction was rolled back: "
                    + rootMessage(e), e);
        }
    }

    /** Members holding their readers back for the rest of a commit that failed part-way let go. */
    private void announceFailure() {
        try {
            marker.announce(transaction, 0);
        } catch (RuntimeException e) {
            // the members' own timeout ends the wait
        }
    }

    @Override
    public void rollback() {
        if (journal != null) {
            journal.forget(transaction);
        }
        if (parts != null) {
            parts.take(transaction);
        }
        try {
            manager.rollback();
        } catch (Exception e) {
            suspendQuietly();
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Rollback failed: " + rootMessage(e), e);
        }
    }

    @Override
    public boolean isUsable() {
        try {
            return transaction.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return false;
        }
    }

    private void suspendQuietly() {
        try {
            if (manager.getTransaction() != null) {
                manager.suspend();
            }
        } catch (SystemException ignored) {
            // the transaction is already gone; nothing more to detach
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
