package io.recall.engine.query;

import io.recall.parser.expr.Expr;
import io.recall.parser.plan.SortKey;
import io.recall.parser.query.RowSink;
import io.recall.parser.query.WindowCall;
import io.recall.parser.types.Cast;
import io.recall.parser.types.HashKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Window functions: reads all input rows, splits them into partitions, orders each partition by
 * the call's ORDER BY and computes the call for every row. Output rows are the input row followed
 * by one value per call. The default frame applies: the whole partition without ORDER BY, else
 * the rows up to the current one and its peers.
 */
final class WindowOp extends Operator {
    private final Operator input;
    private final WindowCall[] calls;

    WindowOp(Operator input, WindowCall[] calls) {
        this.input = input;
        this.calls = calls;
    }

    @Override
    void run(QueryContext qc, RowSink sink) {
        List<Object[]> rows = new ArrayList<>();
        int width = -1;
        input.run(qc, row -> {
            rows.add(row);
            return true;
        });
        if (rows.isEmpty()) {
            return;
        }
        width = rows.get(0).length;
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] wide = Arrays.copyOf(row, width + calls.length);
            out.add(wide);
        }
        for (int c = 0; c < calls.length; c++) {
            compute(calls[c], width + c, out, qc);
        }
        for (Object[] row : out) {
            if (!emit(qc, sink, row)) {
                return;
            }
        }
    }

    private static void compute(WindowCall call, int slot, List<Object[]> rows, QueryContext qc) {
        Map<HashKey.Row, List<Object[]>> partitions = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Object[] key = new Object[call.partitionBy().length];
            for (int i = 0; i < key.length; i++) {
                key[i] = call.partitionBy()[i].eval(row, qc.eval());
            }
            partitions.computeIfAbsent(HashKey.ofRowNullsEqual(key), k -> new ArrayList<>()).add(row);
        }
        SortKeys order = new SortKeys(call.orderBy());
        for (List<Object[]> partition : partitions.values()) {
            List<Object[]> entries = new ArrayList<>(partition.size());
            for (Object[] row : partition) {
                entries.add(order.entry(row, qc.eval()));
            }
            entries.sort(order); // stable: peers keep input order
            fill(call, slot, entries, order, qc);
        }
    }

    private static void fill(WindowCall call, int slot, List<Object[]> entries, SortKeys order, QueryContext qc) {
        int n = entries.size();
        switch (call.kind()) {
            case ROW_NUMBER -> {
                for (int i = 0; i < n; i++) {
                    SortKeys.row(entries.get(i))[slot] = (long) (i + 1);
                }
            }
            case RANK, DENSE_RANK -> {
                long rank = 0;
                long dense = 0;
                for (int i = 0; i < n; i++) {
                    if (i == 0 || order.compare(entries.get(i - 1), entries.get(i)) != 0) {
                        rank = i + 1;
                        dense++;
                    }
                    SortKeys.row(entries.get(i))[slot] = call.kind() == WindowCall.Kind.RANK ? rank : dense;
                }
            }
            case LAG, LEAD -> {
                Expr[] args = call.arguments();
                for (int i = 0; i < n; i++) {
                    Object[] row = SortKeys.row(entries.get(i));
                    Object step = args[1].eval(row, qc.eval());
                    if (step == null) {
                        row[slot] = null;
                        continue;
                    }
                    long offset = Cast.toLong(step);
                    long j = call.kind() == WindowCall.Kind.LAG ? i - offset : i + offset;
                    row[slot] = j >= 0 && j < n ? args[0].eval(SortKeys.row(entries.get((int) j)), qc.eval())
                            : args[2].eval(row, qc.eval());
                }
            }
            case AGGREGATE -> aggregate(call, slot, entries, order, qc);
            default -> throw new IllegalStateException(call.kind().name());
        }
    }

    private static void aggregate(WindowCall call, int slot, List<Object[]> entries, SortKeys order,
                                  QueryContext qc) {
        int n = entries.size();
        Expr arg = call.aggregate().argument();
        if (call.orderBy().length == 0) {
            Accumulator acc = new Accumulator(call.aggregate());
            for (Object[] e : entries) {
                acc.add(arg == null ? null : arg.eval(SortKeys.row(e), qc.eval()));
            }
            Object value = acc.result();
            for (Object[] e : entries) {
                SortKeys.row(e)[slot] = value;
            }
            return;
        }
        Accumulator acc = new Accumulator(call.aggregate());
        int i = 0;
        while (i < n) {
            int end = i;
            while (end < n && order.compare(entries.get(i), entries.get(end)) == 0) {
                Object[] row = SortKeys.row(entries.get(end));
                acc.add(arg == null ? null : arg.eval(row, qc.eval()));
                end++;
            }
            Object value = acc.result();
            for (int k = i; k < end; k++) {
                SortKeys.row(entries.get(k))[slot] = value;
            }
            i = end;
        }
    }

    @Override
    long rowBound(QueryContext qc) {
        return input.rowBound(qc);
    }

    @Override
    String describe(QueryContext qc) {
        return "window: " + calls.length + " functions";
    }

    @Override
    List<Operator> inputs(QueryContext qc) {
        return List.of(input);
    }
}
