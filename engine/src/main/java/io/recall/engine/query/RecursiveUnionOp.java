package io.recall.engine.query;

import io.recall.parser.query.RowSink;
import io.recall.parser.types.HashKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WITH RECURSIVE: emits the anchor's rows, then runs the recursive part over the rows of the
 * previous round until a round adds nothing. Without ALL, rows seen before are not added again,
 * which also ends cycles. The statement timeout bounds a query that never stops growing.
 */
final class RecursiveUnionOp extends Operator {
    private final int id;
    private final Operator anchor;
    private final Operator recursive;
    private final boolean all;

    RecursiveUnionOp(int id, Operator anchor, Operator recursive, boolean all) {
        this.id = id;
        this.anchor = anchor;
        this.recursive = recursive;
        this.all = all;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        Set<HashKey.Row> seen = all ? null : new HashSet<>();
        List<Object[]> round = new ArrayList<>();
        boolean[] stopped = new boolean[1];
        RowSink collect = row -> {
            if (seen != null && !seen.add(HashKey.ofRowNullsEqual(row))) {
                return true;
            }
            round.add(row);
            if (!emit(qc, sink, row)) {
                stopped[0] = true;
                return false;
            }
            return true;
        };
        anchor.run(qc, collect);
        List<Object[]> previous = qc.workingTable(id);
        try {
            while (!stopped[0] && !round.isEmpty()) {
                qc.setWorkingTable(id, new ArrayList<>(round));
                round.clear();
                recursive.run(qc, collect);
            }
        } finally {
            qc.setWorkingTable(id, previous);
        }
    }

    @Override
    String describe(QueryContext qc) {
        return "recursive union" + (all ? " all" : "");
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(anchor, recursive);
    }
}
