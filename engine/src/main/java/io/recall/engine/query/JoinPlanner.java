package io.recall.engine.query;

import io.recall.engine.exec.KeyLookup;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Comparison;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Exprs;
import io.recall.parser.query.Join;
import io.recall.parser.query.JoinNode;
import io.recall.parser.query.Relation;
import io.recall.parser.query.Relations;
import io.recall.parser.query.TableScan;
import io.recall.parser.types.HashKey;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Orders and plans the joins of a FROM clause. Within a group of inner joins the order is chosen
 * greedily from the conditions and the tables' row counts ({@link TableSizes}): start with an input
 * whose own conditions pin its primary key, else the one expected to give the fewest rows; then
 * repeatedly add an input reachable by primary-key lookup, else the smallest one joined by an
 * equality (index lookup or hash join), else the next one in FROM order (nested loop). Every condition is
 * checked as soon as the inputs it reads are joined, and a condition on one input alone filters
 * that input before the join — so comma joins with their conditions in WHERE never form a cross
 * product. Outer joins keep their sides; conditions on the outer join's inner input alone filter
 * it first, WHERE conditions on its preserved side are pushed below it.
 */
final class JoinPlanner {
    /** The share of an input's rows a condition on it alone is guessed to keep. */
    private static final double FILTER_SELECTIVITY = 0.25;

    private final Join join;
    private final Planner planner;
    private final int[] inputOfSlot;

    private record Condition(Expr expr, BitSet inputs) {
    }

    private record Item(JoinNode node, BitSet inputs) {
    }

    JoinPlanner(Join join, Planner planner) {
        this.join = join;
        this.planner = planner;
        this.inputOfSlot = new int[join.width()];
        for (int i = 0; i < join.inputs().length; i++) {
            for (int s = 0; s < join.inputs()[i].width(); s++) {
                inputOfSlot[join.offsets()[i] + s] = i;
            }
        }
    }

    Operator plan() {
        return node(join.tree(), List.of());
    }

    private Operator node(JoinNode n, List<Expr> extra) {
        if (n instanceof JoinNode.Outer o) {
            return outer(o, extra);
        }
        List<JoinNode> items = n instanceof JoinNode.Inner in ? List.of(in.items()) : List.of(n);
        List<Expr> conditions = new ArrayList<>(extra);
        if (n instanceof JoinNode.Inner in) {
            conditions.addAll(List.of(in.conditions()));
        }
        return inner(items, conditions);
    }

    private Operator outer(JoinNode.Outer o, List<Expr> extra) {
        BitSet left = inputs(o.left());
        BitSet right = inputs(o.right());
        List<Expr> pushedLeft = new ArrayList<>();
        List<Expr> after = new ArrayList<>();
        for (Condition c : conditions(extra)) {
            boolean leftOnly = o.type() == JoinNode.JoinType.LEFT && !c.inputs().isEmpty()
                    && subset(c.inputs(), left);
            (leftOnly ? pushedLeft : after).add(c.expr());
        }
        Operator leftOp = node(o.left(), pushedLeft);
        List<Condition> on = conditions(List.of(o.condition()));
        List<Condition> rightOnly = new ArrayList<>();
        List<Condition> rest = new ArrayList<>();
        for (Condition c : on) {
            boolean pushable = o.type() == JoinNode.JoinType.LEFT && !c.inputs().isEmpty()
                    && subset(c.inputs(), right);
            (pushable ? rightOnly : rest).add(c);
        }
        JoinStep step = step(left, new Item(o.right(), right), rest, exprs(rightOnly), o.type());
        return new JoinOp(leftOp, List.of(step), Exprs.and(after));
    }

    private Operator inner(List<JoinNode> nodes, List<Expr> conditionExprs) {
        List<Item> items = new ArrayList<>();
        for (JoinNode n : nodes) {
            items.add(new Item(n, inputs(n)));
        }
        List<Condition> pending = conditions(conditionExprs);
        List<Expr> constant = new ArrayList<>();
        List<List<Expr>> own = new ArrayList<>();
        for (Item item : items) {
            own.add(new ArrayList<>());
        }
        for (Condition c : new ArrayList<>(pending)) {
            if (c.inputs().isEmpty()) {
                constant.add(c.expr());
                pending.remove(c);
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                if (subset(c.inputs(), items.get(i).inputs())) {
                    own.get(i).add(c.expr());
                    pending.remove(c);
                    break;
                }
            }
        }
        int firstIndex = chooseFirst(items, own);
        Item first = items.remove(firstIndex);
        List<Expr> firstFilters = own.remove(firstIndex);
        firstFilters.addAll(constant);
        Operator firstOp = source(first, firstFilters);
        BitSet bound = (BitSet) first.inputs().clone();
        List<JoinStep> steps = new ArrayList<>();
        while (!items.isEmpty()) {
            int next = chooseNext(bound, items, own, pending);
            Item item = items.remove(next);
            List<Expr> itemFilters = own.remove(next);
            BitSet joined = (BitSet) bound.clone();
            joined.or(item.inputs());
            List<Condition> now = new ArrayList<>();
            for (Condition c : new ArrayList<>(pending)) {
                if (subset(c.inputs(), joined)) {
                    now.add(c);
                    pending.remove(c);
                }
            }
            steps.add(step(bound, item, now, itemFilters, null));
            bound = joined;
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("Join conditions left unplaced");
        }
        return steps.isEmpty() ? firstOp : new JoinOp(firstOp, steps, null);
    }

    /**
     * The input to start from: one whose own conditions pin its primary key, else the one expected
     * to give the fewest rows (its table's row count, a quarter of it per own condition), else the
     * one with the most own conditions, else the first.
     */
    private int chooseFirst(List<Item> items, List<List<Expr>> own) {
        int best = 0;
        int bestScore = -1;
        double bestRows = Double.MAX_VALUE;
        for (int i = 0; i < items.size(); i++) {
            List<Expr> filters = own.get(i);
            int score = filters.size();
            TableScan t = tableOf(items.get(i));
            if (t != null && !filters.isEmpty()
                    && KeyLookup.analyze(t.table(), Exprs.and(filters), offset(items.get(i))) != null) {
                score += 1000;
            }
            double rows = estimatedRows(items.get(i), filters);
            boolean better = score >= 1000 != bestScore >= 1000 ? score >= 1000
                    : rows != bestRows ? rows < bestRows : score > bestScore;
            if (better) {
                best = i;
                bestScore = score;
                bestRows = rows;
            }
        }
        return best;
    }

    /**
     * The next input to join: one reachable by primary-key lookup, else, of those joined by an
     * equality (hash or index lookup join), the one expected to give the fewest rows, else the
     * first left (nested loop).
     */
    private int chooseNext(BitSet bound, List<Item> items, List<List<Expr>> own, List<Condition> pending) {
        int hashable = -1;
        double hashableRows = Double.MAX_VALUE;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            List<Condition> connecting = new ArrayList<>();
            BitSet joined = (BitSet) bound.clone();
            joined.or(item.inputs());
            for (Condition c : pending) {
                if (subset(c.inputs(), joined)) {
                    connecting.add(c);
                }
            }
            if (keyValues(bound, item, connecting) != null) {
                return i;
            }
            if (!equalities(bound, item, connecting).isEmpty()) {
                double rows = estimatedRows(item, own.get(i));
                if (hashable < 0 || rows < hashableRows) {
                    hashable = i;
                    hashableRows = rows;
                }
            }
        }
        return Math.max(hashable, 0);
    }

    /**
     * Rows an input is expected to give: its table's committed row count, a quarter of it for each
     * condition on it alone, or fewer if an index read serves those conditions (its statistics'
     * estimate); unknown (the most) for anything but a table.
     */
    private double estimatedRows(Item item, List<Expr> filters) {
        TableScan t = tableOf(item);
        if (t == null) {
            return Double.MAX_VALUE;
        }
        double rows = planner.sizes().rows(t.table());
        for (int i = 0; i < filters.size(); i++) {
            rows *= FILTER_SELECTIVITY;
        }
        if (!filters.isEmpty()) {
            double indexed = planner.sizes().indexedRows(t.table(), Exprs.and(filters), offset(item));
            if (indexed >= 0) {
                rows = Math.min(rows, indexed);
            }
        }
        return rows;
    }

    private JoinStep step(BitSet bound, Item item, List<Condition> conditions, List<Expr> itemFilters,
                          JoinNode.JoinType outer) {
        TableScan table = tableOf(item);
        if (outer != JoinNode.JoinType.FULL) {
            Expr[] keyValues = keyValues(bound, item, conditions);
            if (keyValues != null) {
                List<Expr> residual = new ArrayList<>(exprs(conditions));
                residual.addAll(itemFilters);
                return new KeyJoinStep(table.table(), keyValues, offset(item), Exprs.and(residual),
                        outer == JoinNode.JoinType.LEFT);
            }
        }
        List<Condition> keys = equalities(bound, item, conditions);
        Expr[] probe = new Expr[keys.size()];
        Expr[] build = new Expr[keys.size()];
        List<Condition> residual = new ArrayList<>(conditions);
        for (int i = 0; i < probe.length; i++) {
            Comparison eq = (Comparison) keys.get(i).expr();
            boolean leftIsBound = subset(columnsRead(eq.left()), bound);
            probe[i] = leftIsBound ? eq.left() : eq.right();
            build[i] = leftIsBound ? eq.right() : eq.left();
            residual.remove(keys.get(i));
        }
        Operator source = source(item, itemFilters);
        boolean reusable = !dependsOnContext(item, itemFilters);
        BuildSide side = new BuildSide(source, build, reusable);
        HashJoinStep hash = new HashJoinStep(side, probe, Exprs.and(exprs(residual)), outer, slots(item.inputs()));
        if (table == null || outer == JoinNode.JoinType.FULL || probe.length == 0) {
            return hash;
        }
        return indexJoin(table, item, probe, build, conditions, itemFilters, outer, hash);
    }

    /**
     * For a table joined by equalities on plain columns: an index lookup join when the table has
     * an index on them when the statement runs, else the hash join.
     */
    private JoinStep indexJoin(TableScan table, Item item, Expr[] probe, Expr[] build, List<Condition> conditions,
                               List<Expr> itemFilters, JoinNode.JoinType outer, HashJoinStep hash) {
        int offset = offset(item);
        List<Integer> columns = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < build.length; i++) {
            if (build[i] instanceof ColumnRef ref) {
                columns.add(ref.index() - offset);
                values.add(probe[i]);
            }
        }
        if (columns.isEmpty()) {
            return hash;
        }
        List<Expr> residual = new ArrayList<>(exprs(conditions));
        residual.addAll(itemFilters);
        return new IndexJoinStep(table.table(), columns.stream().mapToInt(Integer::intValue).toArray(),
                values.toArray(new Expr[0]), offset, Exprs.and(residual), outer == JoinNode.JoinType.LEFT, hash);
    }

    private boolean dependsOnContext(Item item, List<Expr> filters) {
        for (Expr f : filters) {
            if (Relations.dependsOnContext(f)) {
                return true;
            }
        }
        for (int i = item.inputs().nextSetBit(0); i >= 0; i = item.inputs().nextSetBit(i + 1)) {
            if (Relations.dependsOnContext(join.inputs()[i])) {
                return true;
            }
        }
        return conditionsDependOnContext(item.node());
    }

    private static boolean conditionsDependOnContext(JoinNode n) {
        if (n instanceof JoinNode.Inner in) {
            for (Expr c : in.conditions()) {
                if (Relations.dependsOnContext(c)) {
                    return true;
                }
            }
            for (JoinNode item : in.items()) {
                if (conditionsDependOnContext(item)) {
                    return true;
                }
            }
        } else if (n instanceof JoinNode.Outer o) {
            return Relations.dependsOnContext(o.condition()) || conditionsDependOnContext(o.left())
                    || conditionsDependOnContext(o.right());
        }
        return false;
    }

    /** For a table joined by primary key: the values (over bound inputs) of each key column, or null. */
    private Expr[] keyValues(BitSet bound, Item item, List<Condition> conditions) {
        TableScan t = tableOf(item);
        if (t == null || !t.table().hasPrimaryKey()) {
            return null;
        }
        int[] pk = t.table().primaryKey();
        Expr[] values = new Expr[pk.length];
        for (int k = 0; k < pk.length; k++) {
            int slot = offset(item) + pk[k];
            for (Condition c : conditions) {
                if (c.expr() instanceof Comparison eq && eq.op() == Comparison.Op.EQ) {
                    if (eq.left() instanceof ColumnRef ref && ref.index() == slot
                            && subset(columnsRead(eq.right()), bound)) {
                        values[k] = eq.right();
                    } else if (eq.right() instanceof ColumnRef ref && ref.index() == slot
                            && subset(columnsRead(eq.left()), bound)) {
                        values[k] = eq.left();
                    }
                }
            }
            if (values[k] == null) {
                return null;
            }
        }
        return values;
    }

    /** Equalities with one side over the bound inputs and the other over the new item, hashable exactly. */
    private List<Condition> equalities(BitSet bound, Item item, List<Condition> conditions) {
        List<Condition> out = new ArrayList<>();
        for (Condition c : conditions) {
            if (c.expr() instanceof Comparison eq && eq.op() == Comparison.Op.EQ
                    && HashKey.compatible(eq.left().type(), eq.right().type())) {
                BitSet l = columnsRead(eq.left());
                BitSet r = columnsRead(eq.right());
                boolean split = !l.isEmpty() && !r.isEmpty() && (subset(l, bound) && subset(r, item.inputs())
                        || subset(r, bound) && subset(l, item.inputs()));
                if (split && !Relations.dependsOnContext(eq)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private Operator source(Item item, List<Expr> filters) {
        if (item.node() instanceof JoinNode.Leaf leaf) {
            Relation r = join.inputs()[leaf.input()];
            int offset = join.offsets()[leaf.input()];
            if (r instanceof TableScan t) {
                return new LeafScan(t.table(), offset, join.width(), Exprs.and(filters));
            }
            return new WideRows(planner.plan(r), offset, join.width(), Exprs.and(filters));
        }
        return node(item.node(), filters);
    }

    private TableScan tableOf(Item item) {
        if (item.node() instanceof JoinNode.Leaf leaf && join.inputs()[leaf.input()] instanceof TableScan t) {
            return t;
        }
        return null;
    }

    private int offset(Item item) {
        return join.offsets()[((JoinNode.Leaf) item.node()).input()];
    }

    private int[][] slots(BitSet inputs) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = inputs.nextSetBit(0); i >= 0; i = inputs.nextSetBit(i + 1)) {
            ranges.add(new int[]{join.offsets()[i], join.inputs()[i].width()});
        }
        return ranges.toArray(new int[0][]);
    }

    private BitSet inputs(JoinNode n) {
        BitSet out = new BitSet();
        if (n instanceof JoinNode.Leaf l) {
            out.set(l.input());
        } else if (n instanceof JoinNode.Inner in) {
            for (JoinNode item : in.items()) {
                out.or(inputs(item));
            }
        } else if (n instanceof JoinNode.Outer o) {
            out.or(inputs(o.left()));
            out.or(inputs(o.right()));
        }
        return out;
    }

    private List<Condition> conditions(List<Expr> exprs) {
        List<Condition> out = new ArrayList<>();
        for (Expr e : exprs) {
            for (Expr c : Exprs.conjuncts(e)) {
                out.add(new Condition(c, columnsRead(c)));
            }
        }
        return out;
    }

    /** The inputs an expression reads (its columns, and those its correlated subqueries read). */
    private BitSet columnsRead(Expr e) {
        BitSet slots = Relations.columnsRead(e);
        BitSet inputs = new BitSet();
        for (int s = slots.nextSetBit(0); s >= 0; s = slots.nextSetBit(s + 1)) {
            inputs.set(inputOfSlot[s]);
        }
        return inputs;
    }

    private static List<Expr> exprs(List<Condition> conditions) {
        List<Expr> out = new ArrayList<>();
        for (Condition c : conditions) {
            out.add(c.expr());
        }
        return out;
    }

    private static boolean subset(BitSet a, BitSet b) {
        BitSet x = (BitSet) a.clone();
        x.andNot(b);
        return x.isEmpty();
    }
}
