package io.recall.engine;

import io.recall.engine.exec.PrimaryKey;
import io.recall.engine.exec.RowWriter;
import io.recall.engine.exec.UniqueValues;
import io.recall.engine.storage.IndexLayout;
import io.recall.engine.storage.OrderedIndex;
import io.recall.engine.storage.Sequences;
import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.TableStore;
import io.recall.engine.storage.UniqueKeys;
import io.recall.parser.catalog.CheckDef;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.sql.TableDefText;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites every row of a table (Mnesia's transform_table), for the ALTER TABLE actions that change what a
 * stored row is: DROP COLUMN, ALTER COLUMN TYPE, ADD and DROP PRIMARY KEY. The rows are copied, transformed, into
 * a new store in transactions of {@value #BATCH} rows, its indexes are built and its unique values claimed, and
 * the catalog then points the table at the new store as one version; the old store is dropped.
 *
 * <p>Other connections see the table entirely before or entirely after: the copy runs under the shared side of
 * the commit gate (reads go on against the old store, commits wait), so no commit lands between the copy and the
 * switch; a transaction that wrote the old store before the switch is refused at its commit with 40001
 * ({@link NewConstraints#rewritten}), since its writes would go to a store that no longer holds the table. A
 * failing row (a value that does not convert, a duplicate or NULL key, a CHECK) stops the copy and changes
 * nothing. Memory: the values a row keeps are shared between the old row and the new one, so the copy costs a
 * new array and store entry per row, not a second copy of the data; the old ordered indexes are let go before the
 * new ones are built (reads of the table scan meanwhile); no transaction holds more than one batch.
 */
final class TableRewrite {
    /** Computes the new row from a stored one; throws a RecallException when it cannot. */
    interface RowTransform {
        Object[] apply(Object[] row);
    }

    /**
     * The table {@code from} becomes {@code to} (its storage name is assigned here; columns added by ALTER TABLE
     * become ordinary ones, since every row is written at full width), with {@code indexes} (by name, storage
     * names assigned here): the table's other indexes are dropped. {@code referencing} are the changed tables
     * whose foreign keys referenced it. {@code columnOrigin[j]} is the column of {@code from} that column
     * {@code j} of {@code to} comes from, for carrying identity counters over. {@code what} names the change.
     */
    record Change(TableDef from, TableDef to, List<IndexDef> indexes, List<TableDef> referencing, int[] columnOrigin,
                  RowTransform transform, String what) {
    }

    private static final int BATCH = 1000;

    private final Database database;
    private final Sequences sequences;

    TableRewrite(Database database) {
        this.database = database;
        this.sequences = database.store().sequences();
    }

    /**
     * Runs the change under the catalog lock. An {@code ordered_set} table keeps its rows in primary-key order,
     * so a change that would leave it without a primary key is refused ({@code 42P16}).
     */
    void run(Change change) {
        TableDef from = change.from();
        if (database.follower() != null) {
            // the copy keeps this node's commits out while it reads; other members' commits would be lost
            throw new RecallException(ErrorCode.NOT_SUPPORTED, "Cannot " + change.what() + " of table "
                    + from.qualifiedName() + " in a cluster yet: it rewrites every row");
        }
        if (change.to().ordered() && !change.to().hasPrimaryKey()) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Cannot " + change.what() + " of table "
                    + from.qualifiedName() + ": it is an ordered_set table, kept in primary-key order, and would lose"
                    + " its primary key");
        }
        TableDef target = TableDefText.decode(TableDefText.encode(settled(change.to())
                .withStorageName("t" + sequences.next("catalog#tables"))));
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef ix : change.indexes()) {
            indexes.add(ix.withStorageName("i" + sequences.next("catalog#indexes")));
        }
        List<IndexDef> oldIndexes = new ArrayList<>(database.catalog().indexes(from));
        TableStore source = database.tableStore(from);
        TableStore copy = database.createTableStore(target);
        boolean published = false;
        database.gate().enterRead();
        try {
            releaseIndexes(source);
            carrySequences(from, target, change.columnOrigin());
            new Copy(from, target, change, indexes, copy).run(source);
            for (IndexDef ix : indexes) {
                copy.addIndex(IndexBuilder.layout(target, ix));
            }
            database.catalog().replace(from, target, oldIndexes, indexes, change.referencing());
            database.newConstraints().rewritten(source, database.catalog().version(), change.what() + " of table "
                    + from.qualifiedName());
            published = true;
        } finally {
            if (!published) {
                forget(target, indexes);
                for (IndexDef ix : oldIndexes) {
                    source.addIndex(IndexBuilder.layout(from, ix));
                }
            }
            database.gate().exitRead();
        }
        database.gate().enterCommit(); // a barrier: statements still reading the old store finish first
        database.gate().exitCommit();
        forget(from, oldIndexes);
    }

    /**
     * Lets the old store's ordered indexes go for the copy, so the old and the new indexes never take memory at
     * once; reads of the table scan meanwhile. They are built again if the rewrite fails. An {@code ordered_set}
     * table's key order stays: its readers get their rows in key order throughout.
     */
    private static void releaseIndexes(TableStore source) {
        for (OrderedIndex index : source.indexes()) {
            if (!index.layout().isKeyOrder()) {
                source.removeIndex(index.layout().name());
            }
        }
    }

    /** The definition with every column stored in full (no missing values). */
    private static TableDef settled(TableDef table) {
        TableDef out = table;
        for (int i = 0; i < table.columnCount(); i++) {
            ColumnDef c = table.column(i);
            if (c.isAdded()) {
                out = out.withColumn(i, new ColumnDef(c.name(), c.type(), c.notNull(), c.defaultSql(), c.defaultValue(),
                        c.identity()));
            }
        }
        return out;
    }

    /** Identity counters (and row ids, while rows keep them) continue in the new store where the old ones stopped. */
    private void carrySequences(TableDef from, TableDef target, int[] columnOrigin) {
        for (int j = 0; j < target.columnCount(); j++) {
            if (target.column(j).isIdentity() && columnOrigin[j] >= 0) {
                sequences.advancePast(RowWriter.identitySequence(target, j),
                        sequences.current(RowWriter.identitySequence(from, columnOrigin[j])));
            }
        }
        if (!from.hasPrimaryKey() && !target.hasPrimaryKey()) {
            sequences.advancePast(RowWriter.rowIdSequence(target), sequences.current(RowWriter.rowIdSequence(from)));
        }
    }

    /** Drops a table store with its unique values and counters: the old one after the switch, the new one on failure. */
    private void forget(TableDef table, List<IndexDef> indexes) {
        for (IndexDef ix : indexes) {
            if (ix.unique()) {
                database.store().uniqueKeys().dropConstraint(ix.storageName());
            }
        }
        database.retireTableStore(table.storageName());
        sequences.drop(RowWriter.rowIdSequence(table));
        for (int i = 0; i < table.columnCount(); i++) {
            if (table.column(i).isIdentity()) {
                sequences.drop(RowWriter.identitySequence(table, i));
            }
        }
    }

    /** One pass over the old rows: transform, check, key, and write them in batches with their unique values. */
    private final class Copy {
        private final TableDef from;
        private final TableDef target;
        private final Change change;
        private final TableStore copy;
        private final PrimaryKey oldKey;
        private final PrimaryKey newKey;
        private final List<IndexLayout> uniques = new ArrayList<>();
        private final UniqueKeys uniqueKeys = database.store().uniqueKeys();
        private final EvalContext context = new EvalContext(0);
        private final List<Object> keys = new ArrayList<>(BATCH);
        private final List<Object[]> rows = new ArrayList<>(BATCH);
        private final List<Object[]> oldRows = new ArrayList<>(BATCH);

        Copy(TableDef from, TableDef target, Change change, List<IndexDef> indexes, TableStore copy) {
            this.from = from;
            this.target = target;
            this.change = change;
            this.copy = copy;
            this.oldKey = from.hasPrimaryKey() ? new PrimaryKey(from) : null;
            this.newKey = target.hasPrimaryKey() ? new PrimaryKey(target) : null;
            for (IndexDef ix : indexes) {
                if (ix.unique()) {
                    uniques.add(IndexBuilder.layout(target, ix));
                }
            }
        }

        void run(TableStore source) {
            source.scan(null, (key, row) -> {
                Object[] next = change.transform().apply(row);
                check(row, next);
                keys.add(newKey != null ? newKey.ofRow(next) : oldKey == null ? key
                        : sequences.next(RowWriter.rowIdSequence(target)));
                rows.add(next);
                oldRows.add(row);
                if (rows.size() == BATCH) {
                    write();
                }
                return true;
            });
            write();
        }

        private void check(Object[] old, Object[] row) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null && target.column(i).notNull()) {
                    throw new RecallException(ErrorCode.NOT_NULL_VIOLATION, failure() + ": column "
                            + target.column(i).name() + " would be NULL in " + describe(from, old));
                }
            }
            for (CheckDef check : target.checks()) {
                if (check.condition().eval(row, context) == Boolean.FALSE) {
                    throw new RecallException(ErrorCode.CHECK_VIOLATION, failure() + ": " + describe(from, old)
                            + " would violate check constraint " + check.name() + ": " + check.sql());
                }
            }
        }

        private void write() {
            if (rows.isEmpty()) {
                return;
            }
            StoreTransaction tx = database.store().begin();
            try {
                for (int i = 0; i < rows.size(); i++) {
                    Object key = keys.get(i);
                    Object[] row = rows.get(i);
                    if (copy.get(key) != null) {
                        throw new RecallException(ErrorCode.UNIQUE_VIOLATION, failure() + ": two rows would have the"
                                + " same primary key, " + describe(target, row));
                    }
                    copy.put(key, row);
                    claimUniqueValues(key, row, oldRows.get(i));
                }
                tx.commit();
            } catch (RuntimeException e) {
                try {
                    tx.rollback();
                } catch (RuntimeException failed) {
                    e.addSuppressed(failed);
                }
                throw e;
            }
            keys.clear();
            rows.clear();
            oldRows.clear();
        }

        private void claimUniqueValues(Object key, Object[] row, Object[] old) {
            for (IndexLayout layout : uniques) {
                Object value = UniqueValues.of(layout, row);
                if (value == null) {
                    continue;
                }
                if (uniqueKeys.holder(layout.name(), value) != null) {
                    throw new RecallException(ErrorCode.UNIQUE_VIOLATION, failure() + ": unique constraint "
                            + layout.displayName() + " would have the value " + value + " twice, in "
                            + describe(from, old) + " and another row");
                }
                uniqueKeys.put(layout.name(), value, key);
            }
        }

        private String failure() {
            return "Cannot " + change.what() + " of table " + from.qualifiedName();
        }
    }

    /** A row as an error message names it: by its primary key, or by its values when the table has none. */
    static String describe(TableDef table, Object[] row) {
        StringBuilder sb = new StringBuilder("the row ");
        if (table.hasPrimaryKey()) {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int k : table.primaryKey()) {
                names.add(table.column(k).name());
                values.add(String.valueOf(row[k]));
            }
            return sb.append("with (").append(String.join(", ", names)).append(") = (")
                    .append(String.join(", ", values)).append(')').toString();
        }
        sb.append('(');
        for (int i = 0; i < row.length; i++) {
            String v = String.valueOf(row[i]);
            sb.append(i == 0 ? "" : ", ").append(v.length() > 40 ? v.substring(0, 37) + "..." : v);
        }
        return sb.append(')').toString();
    }
}
