package io.recall.parser.expr;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;

/** Walks compiled expression trees: which columns they read, whether some node occurs. */
public final class Exprs {
    static final Expr[] NONE = new Expr[0];

    private Exprs() {
    }

    static Expr[] of(Expr first, Expr[]... groups) {
        List<Expr> all = new ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        for (Expr[] g : groups) {
            for (Expr e : g) {
                if (e != null) {
                    all.add(e);
                }
            }
        }
        return all.toArray(NONE);
    }

    static Expr[] of(Expr first, Expr[] a, Expr[] b, Expr last) {
        Expr[] all = of(first, a, b);
        if (last == null) {
            return all;
        }
        Expr[] out = java.util.Arrays.copyOf(all, all.length + 1);
        out[all.length] = last;
        return out;
    }

    /** The row positions the expression reads (outer references and subqueries excluded). */
    public static BitSet columns(Expr e) {
        BitSet out = new BitSet();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, BitSet out) {
        if (e instanceof ColumnRef ref) {
            out.set(ref.index());
        }
        for (Expr c : e.children()) {
            collect(c, out);
        }
    }

    /** True when some node of the tree satisfies the test. */
    public static boolean any(Expr e, Predicate<Expr> test) {
        if (test.test(e)) {
            return true;
        }
        for (Expr c : e.children()) {
            if (any(c, test)) {
                return true;
            }
        }
        return false;
    }

    /** The operands of a top-level AND, or the expression itself. */
    public static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        if (e instanceof Logical l && l.and()) {
            for (Expr x : l.operands()) {
                out.addAll(conjuncts(x));
            }
        } else {
            out.add(e);
        }
        return out;
    }

    public static Expr and(List<Expr> conjuncts) {
        if (conjuncts.isEmpty()) {
            return null;
        }
        return conjuncts.size() == 1 ? conjuncts.get(0) : new Logical(true, conjuncts.toArray(NONE));
    }
}
