package io.recall.engine.query;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.query.RowSink;

import java.util.List;

/**
 * A physical operator: pushes its rows into a sink, stopping as soon as the sink declines more.
 * Blocking operators (sort, grouping, hash build sides) read their input fully first; all others
 * stream. Operators are built once per prepared statement and hold no per-execution state.
 */
abstract class Operator {
    abstract void run(QueryContext qc, RowSink sink);

    /**
     * At most how many rows this operator gives, known without reading data ({@code Long.MAX_VALUE}: not known).
     * A streamed query that cannot give more than one batch is read at once, without a thread of its own.
     */
    long rowBound(QueryContext qc) {
        return Long.MAX_VALUE;
    }

    /** One line for EXPLAIN: the operator and its algorithm or access path. */
    abstract String describe(QueryContext qc);

    List<Operator> inputs(QueryContext qc) {
        return List.of();
    }

    /**
     * How EXPLAIN names a table: {@code PUBLIC.T (ram_copies)}, with its storage type, and its table type when
     * it is {@code ordered_set} ({@code PUBLIC.T (ram_copies, ordered_set)}); a {@code set} table says nothing more.
     */
    static String explainName(QueryContext qc, TableDef table) {
        return table.qualifiedName() + " (" + qc.store(table).storageType()
                + (table.ordered() ? ", " + table.options().setType().sqlName() : "") + ")";
    }

    /** Emits one row, checking for cancellation and timeout first. */
    static boolean emit(QueryContext qc, RowSink sink, Object[] row) {
        qc.control().tick();
        return sink.accept(row);
    }
}
