package io.recall.parser.query;

import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.OuterRef;
import io.recall.parser.expr.SubqueryExpr;
import io.recall.parser.plan.SortKey;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Walks relation trees: their inputs, their expressions, and what they read of enclosing rows. */
public final class Relations {
    private Relations() {
    }

    public static List<Relation> inputs(Relation r) {
        if (r instanceof Join j) {
            return List.of(j.inputs());
        }
        if (r instanceof Filter f) {
            return List.of(f.input());
        }
        if (r instanceof Project p) {
            return List.of(p.input());
        }
        if (r instanceof Aggregate a) {
            return List.of(a.input());
        }
        if (r instanceof Window w) {
            return List.of(w.input());
        }
        if (r instanceof Sort s) {
            return List.of(s.input());
        }
        if (r instanceof Limit l) {
            return List.of(l.input());
        }
        if (r instanceof Distinct d) {
            return List.of(d.input());
        }
        if (r instanceof SetOperation s) {
            return List.of(s.left(), s.right());
        }
        if (r instanceof RecursiveUnion u) {
            return List.of(u.anchor(), u.recursive());
        }
        return List.of();
    }

    /** The expressions of this node itself (not of its inputs, not inside subqueries). */
    public static List<Expr> expressions(Relation r) {
        List<Expr> out = new ArrayList<>();
        if (r instanceof Join j) {
            joinExpressions(j.tree(), out);
        } else if (r instanceof Filter f) {
            out.add(f.condition());
        } else if (r instanceof Project p) {
            out.addAll(List.of(p.exprs()));
        } else if (r instanceof Aggregate a) {
            out.addAll(List.of(a.groups()));
            for (AggregateCall c : a.calls()) {
                addIfPresent(out, c.argument());
            }
        } else if (r instanceof Window w) {
            for (WindowCall c : w.calls()) {
                out.addAll(List.of(c.arguments()));
                out.addAll(List.of(c.partitionBy()));
                addKeys(out, c.orderBy());
                if (c.aggregate() != null) {
                    addIfPresent(out, c.aggregate().argument());
                }
            }
        } else if (r instanceof Sort s) {
            addKeys(out, s.keys());
        } else if (r instanceof Limit l) {
            addIfPresent(out, l.limit());
            addIfPresent(out, l.offset());
        } else if (r instanceof ValuesRows v) {
            for (Expr[] row : v.rows()) {
                out.addAll(List.of(row));
            }
        }
        return out;
    }

    private static void addIfPresent(List<Expr> out, Expr e) {
        if (e != null) {
            out.add(e);
        }
    }

    private static void addKeys(List<Expr> out, SortKey[] keys) {
        for (SortKey k : keys) {
            out.add(k.expr());
        }
    }

    private static void joinExpressions(JoinNode n, List<Expr> out) {
        if (n instanceof JoinNode.Inner in) {
            out.addAll(List.of(in.conditions()));
            for (JoinNode item : in.items()) {
                joinExpressions(item, out);
            }
        } else if (n instanceof JoinNode.Outer o) {
            out.add(o.condition());
            joinExpressions(o.left(), out);
            joinExpressions(o.right(), out);
        }
    }

    /**
     * The positions of the current row that {@code e} reads: its own column references, and the
     * outer references of depth 1 inside its subqueries (depth 2 in theirs, and so on).
     */
    public static BitSet columnsRead(Expr e) {
        BitSet out = new BitSet();
        columnsRead(e, 0, out);
        return out;
    }

    private static void columnsRead(Expr e, int depth, BitSet out) {
        if (depth == 0 && e instanceof ColumnRef ref) {
            out.set(ref.index());
        }
        if (depth > 0 && e instanceof OuterRef ref && ref.depth() == depth) {
            out.set(ref.index());
        }
        if (e instanceof SubqueryExpr s) {
            forEachExpr(s.query().relation(), x -> columnsRead(x, depth + 1, out));
        }
        for (Expr c : e.children()) {
            columnsRead(c, depth, out);
        }
    }

    /** Visits every expression of the tree, inputs included, subqueries not. */
    public static void forEachExpr(Relation r, Consumer<Expr> visit) {
        for (Expr e : expressions(r)) {
            visit.accept(e);
        }
        for (Relation in : inputs(r)) {
            forEachExpr(in, visit);
        }
    }

    /**
     * True when running the relation may give different rows for different rows of an enclosing
     * query (an outer reference reaching outside it) or for different rounds of a recursive CTE
     * it does not define itself. Such a relation cannot be run once and reused.
     */
    public static boolean dependsOnContext(Relation r) {
        return escapes(r, 0, new HashSet<>());
    }

    /** The same for an expression evaluated on the rows of the current query. */
    public static boolean dependsOnContext(Expr e) {
        return escapes(e, 0, new HashSet<>());
    }

    private static boolean escapes(Relation r, int level, Set<Integer> recursions) {
        if (r instanceof RecursiveUnion u) {
            recursions.add(u.id());
        }
        if (r instanceof WorkingTable w && !recursions.contains(w.id())) {
            return true;
        }
        for (Expr e : expressions(r)) {
            if (escapes(e, level, recursions)) {
                return true;
            }
        }
        for (Relation in : inputs(r)) {
            if (escapes(in, level, recursions)) {
                return true;
            }
        }
        return false;
    }

    private static boolean escapes(Expr e, int level, Set<Integer> recursions) {
        if (e instanceof OuterRef ref && ref.depth() > level) {
            return true;
        }
        if (e instanceof SubqueryExpr s && escapes(s.query().relation(), level + 1, recursions)) {
            return true;
        }
        for (Expr c : e.children()) {
            if (escapes(c, level, recursions)) {
                return true;
            }
        }
        return false;
    }
}
