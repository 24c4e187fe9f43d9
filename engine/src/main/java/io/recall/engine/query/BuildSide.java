package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.types.HashKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The materialized inner input of a hash or nested-loop join, built on first use. When the input
 * reads no outer row it is built once per execution and reused by every run of the join (a
 * correlated subquery may run it thousands of times); otherwise once per run.
 */
final class BuildSide {
    /**
     * The rows, hashed by their join key when there are keys, plus a match flag per row for FULL joins (null
     * until the run's first probe: then no row has matched).
     */
    static final class Rows {
        final List<Object[]> all = new ArrayList<>();
        final Map<HashKey.Row, List<Integer>> byKey;
        boolean[] matched;

        Rows(boolean hashed) {
            this.byKey = hashed ? new HashMap<>() : null;
        }
    }

    private final Operator input;
    private final Expr[] keys;
    private final boolean reusable;

    BuildSide(Operator input, Expr[] keys, boolean reusable) {
        this.input = input;
        this.keys = keys;
        this.reusable = reusable;
    }

    Operator input() {
        return input;
    }

    void open(QueryContext qc) {
        if (!reusable) {
            qc.setState(this, null);
        } else if (qc.state(this) instanceof Rows rows) {
            rows.matched = null; // a FULL join's match flags belong to one run, even when the rows are reused
        }
    }

    Rows rows(QueryContext qc, boolean trackMatches) {
        Rows rows = (Rows) qc.state(this);
        if (rows == null) {
            rows = build(qc);
            qc.setState(this, rows);
        }
        if (trackMatches && rows.matched == null) {
            rows.matched = new boolean[rows.all.size()];
        }
        return rows;
    }

    private Rows build(QueryContext qc) {
        Rows rows = new Rows(keys.length > 0);
        input.run(qc, row -> {
            int index = rows.all.size();
            rows.all.add(row);
            if (rows.byKey != null) {
                HashKey.Row key = key(keys, row, qc);
                if (key != null) {
                    rows.byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(index);
                }
            }
            qc.control().tick();
            return true;
        });
        return rows;
    }

    /** The hash key of a row, or null when a key value is NULL (such a row joins nothing). */
    static HashKey.Row key(Expr[] keys, Object[] row, QueryContext qc) {
        Object[] values = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = keys[i].eval(row, qc.eval());
        }
        return HashKey.ofRow(values);
    }
}
