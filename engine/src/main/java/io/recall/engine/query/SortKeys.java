package io.recall.engine.query;

import io.recall.parser.expr.EvalContext;
import io.recall.parser.plan.SortKey;
import io.recall.parser.types.Values;

import java.util.Comparator;

/**
 * ORDER BY as a comparator over key values computed once per row, not once per comparison.
 * Each entry is {@code {keyValues..., row}}.
 */
final class SortKeys implements Comparator<Object[]> {
    private final SortKey[] keys;

    SortKeys(SortKey[] keys) {
        this.keys = keys;
    }

    Object[] entry(Object[] row, EvalContext ctx) {
        Object[] entry = new Object[keys.length + 1];
        for (int i = 0; i < keys.length; i++) {
            entry[i] = keys[i].expr().eval(row, ctx);
        }
        entry[keys.length] = row;
        return entry;
    }

    static Object[] row(Object[] entry) {
        return (Object[]) entry[entry.length - 1];
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        for (int i = 0; i < keys.length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x == null || y == null) {
                if (x == y) {
                    continue;
                }
                return (x == null) == keys[i].nullsFirst() ? -1 : 1;
            }
            int c = Values.compare(x, y);
            if (c != 0) {
                return keys[i].descending() ? -c : c;
            }
        }
        return 0;
    }
}
