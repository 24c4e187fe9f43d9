package io.recall.cluster;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import java.util.function.Supplier;

/** Runs cache work with the calling thread's transaction (if any) set aside, and puts it back afterwards. */
final class OutsideTransaction {
    private OutsideTransaction() {
    }

    static <T> T run(TransactionManager transactions, Supplier<T> work) {
        Transaction suspended;
        try {
            suspended = transactions.suspend();
        } catch (Exception e) {
            throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot set the transaction aside: " + e, e);
        }
        try {
            return work.get();
        } finally {
            if (suspended != null) {
                try {
                    transactions.resume(suspended);
                } catch (Exception e) {
                    throw new RecallException(ErrorCode.INTERNAL_ERROR, "Cannot resume the transaction: " + e, e);
                }
            }
        }
    }
}
