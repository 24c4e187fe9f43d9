package io.recall.engine.query;

import io.recall.parser.query.RowSink;
import io.recall.parser.query.SetOperation;
import io.recall.parser.types.HashKey;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UNION streams both inputs (dropping repeats unless ALL). INTERSECT and EXCEPT count the right
 * input's rows in a hash table, then stream the left one against it.
 */
final class SetOperationOp extends Operator {
    private final SetOperation.Kind kind;
    private final boolean all;
    private final Operator left;
    private final Operator right;

    SetOperationOp(SetOperation.Kind kind, boolean all, Operator left, Operator right) {
        this.kind = kind;
        this.all = all;
        this.left = left;
        this.right = right;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        if (kind == SetOperation.Kind.UNION) {
            union(qc, sink);
            return;
        }
        Map<HashKey.Row, int[]> counts = new HashMap<>();
        right.run(qc, row -> {
            counts.computeIfAbsent(HashKey.ofRowNullsEqual(row), k -> new int[1])[0]++;
            return true;
        });
        Set<HashKey.Row> emitted = all ? null : new HashSet<>();
        boolean intersect = kind == SetOperation.Kind.INTERSECT;
        left.run(qc, row -> {
            HashKey.Row key = HashKey.ofRowNullsEqual(row);
            int[] count = counts.get(key);
            boolean inRight = count != null && count[0] > 0;
            if (all) {
                if (inRight) {
                    count[0]--;
                }
                return inRight != intersect || sink.accept(row);
            }
            if (inRight != intersect || !emitted.add(key)) {
                return true;
            }
            return sink.accept(row);
        });
    }

    private void union(QueryContext qc, RowSink sink) {
        Set<HashKey.Row> seen = all ? null : new HashSet<>();
        boolean[] stopped = new boolean[1];
        RowSink pass = row -> {
            if (seen != null && !seen.add(HashKey.ofRowNullsEqual(row))) {
                return true;
            }
            if (!sink.accept(row)) {
                stopped[0] = true;
                return false;
            }
            return true;
        };
        left.run(qc, pass);
        if (!stopped[0]) {
            right.run(qc, pass);
        }
    }

    /** Never more than both inputs together (INTERSECT and EXCEPT give at most the left input's rows). */
    @Override
    long rowBound(QueryContext qc) {
        long l = left.rowBound(qc);
        long r = right.rowBound(qc);
        return l > Long.MAX_VALUE - r ? Long.MAX_VALUE : l + r;
    }

    @Override
    String describe(QueryContext qc) {
        return kind.name().toLowerCase() + (all ? " all" : "") + (kind == SetOperation.Kind.UNION ? "" : ": hash");
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(left, right);
    }
}
