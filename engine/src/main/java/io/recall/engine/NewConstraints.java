package io.recall.engine;

import io.recall.engine.exec.WriteSet;
import io.recall.engine.storage.TableStore;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Keeps a constraint added to a table with rows from being bypassed by writers already under way. A writer
 * checks the constraints of the catalog version its statement was planned at, and the check of the existing
 * rows sees committed rows only; so a transaction that wrote the table under the older definition holds rows
 * nobody checked. For each table this remembers the catalog version from which its writers check the newest
 * constraint, and a transaction whose first write of the table was planned before it is refused at commit
 * with 40001 (retry). The check runs under the exclusive side of the commit gate, which the constraint's
 * validation keeps out until the constraint is published.
 */
final class NewConstraints {
    /** From {@code catalogVersion} on, writers of the table work under a definition that {@code refusal} explains. */
    record Added(long catalogVersion, String refusal) {
    }

    /** By table store identity, as {@link WriteSet} keys them. */
    private final Map<TableStore, Added> byTable = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Records the new constraint; returns what was recorded before, for {@link #restore} when adding fails. */
    Added added(TableStore table, long catalogVersion, String what) {
        return byTable.put(table, new Added(catalogVersion, what + " was added after the transaction had written rows"
                + " of that table, which were not checked against it"));
    }

    /**
     * Records that the table's rows were copied into a new store at {@code catalogVersion} ({@code what} names the
     * change): writes a transaction made to the old store would be lost, so its commit is refused.
     */
    void rewritten(TableStore old, long catalogVersion, String what) {
        byTable.put(old, new Added(catalogVersion, what + " rewrote the table's rows after the transaction had"
                + " written some of them"));
    }

    void restore(TableStore table, Added previous) {
        if (previous == null) {
            byTable.remove(table);
        } else {
            byTable.put(table, previous);
        }
    }

    void forget(TableStore table) {
        byTable.remove(table);
    }

    /** Fails with 40001 when the transaction wrote a table before a constraint was added to it. */
    void checkCommit(WriteSet written) {
        if (byTable.isEmpty()) {
            return;
        }
        written.forEachFirstWrite((table, firstWrittenAt) -> {
            Added added = byTable.get(table);
            if (added != null && firstWrittenAt < added.catalogVersion()) {
                throw new RecallException(ErrorCode.SERIALIZATION_FAILURE, "The transaction was rolled back: "
                        + added.refusal() + "; retry the transaction");
            }
        });
    }
}
