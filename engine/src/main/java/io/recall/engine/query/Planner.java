package io.recall.engine.query;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.query.Aggregate;
import io.recall.parser.query.Distinct;
import io.recall.parser.query.Filter;
import io.recall.parser.query.Join;
import io.recall.parser.query.Limit;
import io.recall.parser.query.Project;
import io.recall.parser.query.RecursiveUnion;
import io.recall.parser.query.Relation;
import io.recall.parser.query.SetOperation;
import io.recall.parser.query.SingleRow;
import io.recall.parser.query.Sort;
import io.recall.parser.query.TableScan;
import io.recall.parser.query.ValuesRows;
import io.recall.parser.query.Window;
import io.recall.parser.query.WorkingTable;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns bound relations into operators, once per prepared statement: access paths for tables,
 * join order and algorithms ({@link JoinPlanner}), top-N for ORDER BY with LIMIT. Subqueries'
 * relations are planned on first use and kept.
 */
final class Planner {
    private final Map<Relation, Operator> planned = new IdentityHashMap<>();
    private final TableSizes sizes;

    Planner(TableSizes sizes) {
        this.sizes = sizes;
    }

    /** The table sizes joins are ordered by. */
    TableSizes sizes() {
        return sizes;
    }

    Operator plan(Relation r) {
        Operator op = planned.get(r);
        if (op == null) {
            op = build(r);
            planned.put(r, op);
        }
        return op;
    }

    private Operator build(Relation r) {
        if (r instanceof TableScan t) {
            return new TableAccessOp(t.table(), null);
        }
        if (r instanceof Filter f && f.input() instanceof TableScan t) {
            return new TableAccessOp(t.table(), f.condition());
        }
        if (r instanceof Filter f) {
            return new FilterOp(plan(f.input()), f.condition());
        }
        if (r instanceof Project p) {
            return isIdentity(p) ? plan(p.input()) : new ProjectOp(plan(p.input()), p.exprs());
        }
        if (r instanceof Join j) {
            return new JoinPlanner(j, this).plan();
        }
        if (r instanceof Aggregate a) {
            return new AggregateOp(plan(a.input()), a.groups(), a.calls());
        }
        if (r instanceof Window w) {
            return new WindowOp(plan(w.input()), w.calls());
        }
        if (r instanceof Limit l && l.input() instanceof Sort s) {
            SortOp topN = new SortOp(plan(s.input()), s.keys(), true, l.limit(), l.offset());
            Operator inOrder = IndexOrderPattern.match(l, s, topN);
            return inOrder != null ? inOrder : topN;
        }
        if (r instanceof Sort s) {
            SortOp sort = new SortOp(plan(s.input()), s.keys(), false, null, null);
            Operator inOrder = IndexOrderPattern.match(s, sort);
            return inOrder != null ? inOrder : sort;
        }
        if (r instanceof Limit l) {
            return new LimitOp(plan(l.input()), l.limit(), l.offset());
        }
        if (r instanceof Distinct d) {
            return new DistinctOp(plan(d.input()));
        }
        if (r instanceof SetOperation s) {
            return new SetOperationOp(s.kind(), s.all(), plan(s.left()), plan(s.right()));
        }
        if (r instanceof RecursiveUnion u) {
            return new RecursiveUnionOp(u.id(), plan(u.anchor()), plan(u.recursive()), u.all());
        }
        if (r instanceof WorkingTable w) {
            return new WorkingTableOp(w.id());
        }
        if (r instanceof SingleRow) {
            return new SingleRowOp();
        }
        if (r instanceof ValuesRows v) {
            return new ValuesOp(v.rows());
        }
        throw new RecallException(ErrorCode.INTERNAL_ERROR, "No operator for " + r.getClass().getSimpleName());
    }

    /**
     * A projection that passes rows through unchanged can be skipped, except where it is what
     * copies store rows into fresh result rows (over a table read).
     */
    private static boolean isIdentity(Project p) {
        Expr[] exprs = p.exprs();
        if (exprs.length != p.input().width() || p.input() instanceof TableScan
                || p.input() instanceof Filter f && f.input() instanceof TableScan) {
            return false;
        }
        for (int i = 0; i < exprs.length; i++) {
            if (!(exprs[i] instanceof ColumnRef ref) || ref.index() != i) {
                return false;
            }
        }
        return true;
    }
}
