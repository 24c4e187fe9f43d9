package io.recall.engine.exec;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.expr.CastExpr;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Comparison;
import io.recall.parser.expr.EvalContext;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.InList;
import io.recall.parser.expr.Literal;
import io.recall.parser.expr.Logical;
import io.recall.parser.expr.Negate;
import io.recall.parser.expr.OuterRef;
import io.recall.parser.expr.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognises a WHERE clause that pins the primary key ({@code pk = v}, {@code pk IN (...)}, or
 * an equality on every column of a composite key, ANDed with anything else), so the rows are
 * read by key instead of by scanning. The full WHERE is still checked on the rows read.
 */
public final class KeyLookup {
    private final Expr[][] tuples;

    private KeyLookup(Expr[][] tuples) {
        this.tuples = tuples;
    }

    /**
     * The lookup for this WHERE, or null when it does not pin the key. The table's columns are
     * read at {@code offset} and up in the rows the WHERE is evaluated on (a join's wide row).
     */
    public static KeyLookup analyze(TableDef table, Expr where, int offset) {
        if (where == null || !table.hasPrimaryKey()) {
            return null;
        }
        Expr[] conjuncts = where instanceof Logical l && l.and() ? l.operands() : new Expr[]{where};
        int[] pk = table.primaryKey();
        if (pk.length == 1) {
            Expr[][] tuples = inItems(conjuncts, pk[0] + offset);
            if (tuples != null) {
                return new KeyLookup(tuples);
            }
        }
        Expr[] tuple = new Expr[pk.length];
        for (int k = 0; k < pk.length; k++) {
            tuple[k] = equalityValue(conjuncts, pk[k] + offset);
            if (tuple[k] == null) {
                return null;
            }
        }
        return new KeyLookup(new Expr[][]{tuple});
    }

    /** The items of {@code column IN (...)} among the conjuncts, one one-value tuple each, or null. */
    static Expr[][] inItems(Expr[] conjuncts, int column) {
        for (Expr c : conjuncts) {
            if (c instanceof InList in && !in.negated() && isColumn(in.operand(), column) && allFree(in.items())) {
                Expr[][] tuples = new Expr[in.items().length][];
                for (int i = 0; i < tuples.length; i++) {
                    tuples[i] = new Expr[]{in.items()[i]};
                }
                return tuples;
            }
        }
        return null;
    }

    /** The value {@code column = value} pins among the conjuncts, or null. */
    static Expr equalityValue(Expr[] conjuncts, int column) {
        for (Expr c : conjuncts) {
            if (c instanceof Comparison cmp && cmp.op() == Comparison.Op.EQ) {
                if (isColumn(cmp.left(), column) && isFree(cmp.right())) {
                    return cmp.right();
                }
                if (isColumn(cmp.right(), column) && isFree(cmp.left())) {
                    return cmp.left();
                }
            }
        }
        return null;
    }

    static boolean isColumn(Expr e, int column) {
        return e instanceof ColumnRef ref && ref.index() == column;
    }

    private static boolean allFree(Expr[] items) {
        for (Expr e : items) {
            if (!isFree(e)) {
                return false;
            }
        }
        return true;
    }

    /** True when the expression reads no column, so it can be evaluated before any row is read. */
    static boolean isFree(Expr e) {
        if (e instanceof Literal || e instanceof Parameter || e instanceof OuterRef) {
            return true;
        }
        if (e instanceof CastExpr c) {
            return isFree(c.operand());
        }
        if (e instanceof Negate n) {
            return isFree(n.operand());
        }
        return false;
    }

    /** The distinct store keys to read, in the order written; values that cannot match are left out. */
    public List<Object> keys(PrimaryKey primaryKey, EvalContext ctx) {
        Set<Object> keys = new LinkedHashSet<>();
        for (Expr[] tuple : tuples) {
            Object[] values = new Object[tuple.length];
            for (int i = 0; i < tuple.length; i++) {
                values[i] = tuple[i].eval(null, ctx);
            }
            Object key = primaryKey.ofValues(values);
            if (key != null) {
                keys.add(key);
            }
        }
        return new ArrayList<>(keys);
    }
}
