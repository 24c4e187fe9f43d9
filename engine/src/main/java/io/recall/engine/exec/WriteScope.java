package io.recall.engine.exec;

import io.recall.engine.storage.Sequences;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.EvalContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the writers of one statement share: the statement's transaction state (undo log, written
 * keys, lock timeout), one {@link RowWriter} per table touched (the statement's own table and
 * those reached through foreign keys), and the checks deferred to the end of the statement.
 */
final class WriteScope {
    final Tables tables;
    final Sequences sequences;
    final UniqueKeys uniqueKeys;
    final long lockTimeoutMillis;
    final UndoLog undo;
    final WriteSet written;
    private EvalContext context;
    private RowWriter first;
    private Map<String, RowWriter> others;
    private final List<Runnable> deferred = new ArrayList<>();

    WriteScope(Tables tables, Sequences sequences, UniqueKeys uniqueKeys, long lockTimeoutMillis, UndoLog undo,
               WriteSet written) {
        this.tables = tables;
        this.sequences = sequences;
        this.uniqueKeys = uniqueKeys;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.undo = undo;
        this.written = written;
    }

    /** For CHECK conditions and SET DEFAULT values: one statement time for all of them. */
    EvalContext context() {
        if (context == null) {
            context = new EvalContext(0);
        }
        return context;
    }

    /** For reading committed rows only (existing rows checked against a new constraint): nothing is written through it. */
    static WriteScope forReading(Tables tables, UniqueKeys uniqueKeys) {
        return new WriteScope(tables, null, uniqueKeys, 0, new UndoLog(), new WriteSet());
    }

    void register(RowWriter writer) {
        if (first == null) {
            first = writer;
        } else if (registered(writer.table()) == null) {
            if (others == null) {
                others = new HashMap<>();
            }
            others.put(writer.table().storageName(), writer);
        }
    }

    /** The statement's writer for another table, created on first use. */
    RowWriter writer(TableDef table) {
        RowWriter w = registered(table);
        return w != null ? w : new RowWriter(table, tables.store(table), this);
    }

    private RowWriter registered(TableDef table) {
        if (first != null && first.table().storageName().equals(table.storageName())) {
            return first;
        }
        return others == null ? null : others.get(table.storageName());
    }

    /** The table as this transaction reads it (own written keys added for index reads). */
    TableStore view(TableDef table) {
        return written.view(tables.store(table));
    }

    void defer(Runnable check) {
        deferred.add(check);
    }

    /** Runs the checks deferred to the end of the statement (they may not defer more). */
    void finish() {
        for (int i = 0; i < deferred.size(); i++) {
            deferred.get(i).run();
        }
        deferred.clear();
    }
}
