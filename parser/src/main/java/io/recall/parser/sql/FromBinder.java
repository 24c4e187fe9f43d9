package io.recall.parser.sql;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Builtin;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Comparison;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Exprs;
import io.recall.parser.expr.FunctionCall;
import io.recall.parser.query.Filter;
import io.recall.parser.query.Join;
import io.recall.parser.query.JoinNode;
import io.recall.parser.query.Relation;
import io.recall.parser.query.SingleRow;
import io.recall.parser.query.TableScan;
import io.recall.parser.types.ColumnType;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a FROM clause: each table, view, CTE or derived table becomes one input with a slot in
 * the wide row and an entry in the query's {@link Scope}; joins become a {@link JoinNode} tree
 * whose ON, USING and NATURAL conditions read the wide row.
 */
final class FromBinder {
    /** The bound FROM clause: its scope and the relation producing its wide rows. */
    record From(Scope scope, Relation relation) {
        /** Adds the WHERE clause: to the join's inner conditions, where the engine can push it down. */
        Relation withWhere(Expr where) {
            if (where == null) {
                return relation;
            }
            if (relation instanceof Join j) {
                List<Expr> conditions = new ArrayList<>(Exprs.conjuncts(where));
                JoinNode tree;
                if (j.tree() instanceof JoinNode.Inner in) {
                    conditions.addAll(0, List.of(in.conditions()));
                    tree = new JoinNode.Inner(in.items(), conditions.toArray(new Expr[0]));
                } else {
                    tree = new JoinNode.Inner(new JoinNode[]{j.tree()}, conditions.toArray(new Expr[0]));
                }
                return new Join(j.inputs(), j.offsets(), tree, j.width());
            }
            return new Filter(relation, where);
        }
    }

    private final SelectBinder queries;
    private final TableResolver tables;
    private final ParameterRegistry parameters;
    private final Scope outer;
    private final Scope scope;
    private final List<Relation> inputs = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();

    private FromBinder(SelectBinder queries, TableResolver tables, ParameterRegistry parameters, Scope outer) {
        this.queries = queries;
        this.tables = tables;
        this.parameters = parameters;
        this.outer = outer;
        this.scope = new Scope(outer);
    }

    static From bind(SelectBinder queries, TableResolver tables, ParameterRegistry parameters, FromItem from,
                     List<net.sf.jsqlparser.statement.select.Join> joins, Scope outer) {
        FromBinder b = new FromBinder(queries, tables, parameters, outer);
        if (from == null || isDual(from) && (joins == null || joins.isEmpty())) {
            return new From(b.scope, new SingleRow());
        }
        JoinNode tree = b.tree(from, joins);
        return new From(b.scope, b.relation(tree));
    }

    private Relation relation(JoinNode tree) {
        if (inputs.size() == 1) {
            Relation only = inputs.get(0);
            if (tree instanceof JoinNode.Inner in && in.conditions().length > 0) {
                return new Filter(only, Exprs.and(List.of(in.conditions())));
            }
            return only;
        }
        int[] offs = offsets.stream().mapToInt(Integer::intValue).toArray();
        return new Join(inputs.toArray(new Relation[0]), offs, tree, scope.width());
    }

    private static boolean isDual(FromItem f) {
        return f instanceof Table t && t.getSchemaName() == null && "DUAL".equalsIgnoreCase(t.getName())
                && t.getAlias() == null;
    }

    /**
     * A comma separates inner-joined items; an explicit JOIN binds tighter and takes as its left
     * side only the items joined since the last comma ({@code a, b LEFT JOIN c} is {@code a} times
     * {@code b LEFT JOIN c}). Inner joins of all items end up in one group the engine may reorder.
     */
    private JoinNode tree(FromItem first, List<net.sf.jsqlparser.statement.select.Join> joins) {
        List<JoinNode> items = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>();
        Chain chain = new Chain(scope.entries().size(), item(first));
        if (joins != null) {
            for (net.sf.jsqlparser.statement.select.Join j : joins) {
                checkSupported(j);
                int rightEntry = scope.entries().size();
                JoinNode right = item(j.getFromItem() != null ? j.getFromItem() : j.getRightItem());
                if (j.isSimple()) {
                    chain.flushInto(items, conditions);
                    chain = new Chain(rightEntry, right);
                    continue;
                }
                Expr condition = condition(j, chain.firstEntry, rightEntry);
                if (j.isLeft() || j.isRight() || j.isFull()) {
                    if (condition == null) {
                        throw new RecallException(ErrorCode.SYNTAX_ERROR, "An outer join needs ON or USING: " + j);
                    }
                    checkReadsOnlyItsSides(condition, chain.firstEntry, j);
                    chain.outer(j, right, condition);
                } else {
                    chain.inner(right, condition);
                }
            }
        }
        chain.flushInto(items, conditions);
        return group(items, conditions);
    }

    /** The items joined since the last comma (starting at FROM entry {@code firstEntry}). */
    private static final class Chain {
        final int firstEntry;
        List<JoinNode> items = new ArrayList<>();
        List<Expr> conditions = new ArrayList<>();

        Chain(int firstEntry, JoinNode first) {
            this.firstEntry = firstEntry;
            items.add(first);
        }

        void inner(JoinNode right, Expr condition) {
            items.add(right);
            if (condition != null) {
                conditions.add(condition);
            }
        }

        void outer(net.sf.jsqlparser.statement.select.Join j, JoinNode right, Expr condition) {
            JoinNode left = group(items, conditions);
            JoinNode node = j.isRight() ? new JoinNode.Outer(JoinNode.JoinType.LEFT, right, left, condition)
                    : new JoinNode.Outer(j.isFull() ? JoinNode.JoinType.FULL : JoinNode.JoinType.LEFT, left, right,
                    condition);
            items = new ArrayList<>(List.of(node));
            conditions = new ArrayList<>();
        }

        void flushInto(List<JoinNode> allItems, List<Expr> allConditions) {
            allItems.addAll(items);
            allConditions.addAll(conditions);
        }
    }

    /** An outer join's ON may read only its two sides (and enclosing queries), as in PostgreSQL. */
    private void checkReadsOnlyItsSides(Expr condition, int firstEntry, net.sf.jsqlparser.statement.select.Join j) {
        int from = scope.entries().get(firstEntry).offset();
        java.util.BitSet read = io.recall.parser.query.Relations.columnsRead(condition);
        if (!read.isEmpty() && read.nextSetBit(0) < from) {
            Scope.Entry e = scope.entryAt(read.nextSetBit(0));
            throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Invalid reference to FROM-clause entry "
                    + (e == null ? "" : e.qualifier()) + " in the ON clause of " + j);
        }
    }

    private static void checkSupported(net.sf.jsqlparser.statement.select.Join j) {
        if (j.isApply() || j.isSemi() || j.isWindowJoin() || j.isAsOf() || j.isFetch() || j.isArray()
                || j.isStraight() || j.isGlobal() || j.isAny() || j.isAll()) {
            throw RecallException.notSupported("This kind of join (" + j + ")");
        }
        if ((j.isCross() || j.isSimple()) && (hasOn(j) || hasUsing(j))) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "A cross join takes no ON or USING: " + j);
        }
    }

    private static boolean hasOn(net.sf.jsqlparser.statement.select.Join j) {
        return j.getOnExpressions() != null && !j.getOnExpressions().isEmpty();
    }

    private static boolean hasUsing(net.sf.jsqlparser.statement.select.Join j) {
        return j.getUsingColumns() != null && !j.getUsingColumns().isEmpty();
    }

    private static JoinNode group(List<JoinNode> items, List<Expr> conditions) {
        if (items.size() == 1 && conditions.isEmpty()) {
            return items.get(0);
        }
        return new JoinNode.Inner(items.toArray(new JoinNode[0]), conditions.toArray(new Expr[0]));
    }

    private Expr condition(net.sf.jsqlparser.statement.select.Join j, int leftFrom, int rightFrom) {
        List<Expr> parts = new ArrayList<>();
        if (hasOn(j)) {
            ExpressionBinder binder = new ExpressionBinder(scope, parameters, queries);
            for (Expression on : j.getOnExpressions()) {
                parts.add(binder.predicate(on));
            }
        }
        Set<String> using = new LinkedHashSet<>();
        if (hasUsing(j)) {
            for (Column c : j.getUsingColumns()) {
                using.add(Names.normalize(c.getColumnName()));
            }
        }
        if (j.isNatural()) {
            for (String name : names(leftFrom, rightFrom)) {
                if (!names(rightFrom, scope.entries().size()).contains(name)) {
                    continue;
                }
                using.add(name);
            }
        }
        for (String name : using) {
            Expr left = scope.mergedColumns().containsKey(name) ? scope.mergedColumns().get(name)
                    : find(name, leftFrom, rightFrom, "left");
            ColumnRef right = find(name, rightFrom, scope.entries().size(), "right");
            parts.add(new Comparison(Comparison.Op.EQ, left, right));
            Expr value;
            if (j.isFull()) {
                ColumnType type = Builtin.common(new ColumnType[]{left.type(), right.type()});
                value = new FunctionCall(Builtin.COALESCE, new Expr[]{left, right}, type);
            } else {
                value = j.isRight() ? right : left;
            }
            int leftIndex = left instanceof ColumnRef l ? l.index() : -1;
            scope.merge(name, value, leftIndex, right.index());
        }
        if (j.isNatural() && using.isEmpty() && parts.isEmpty()) {
            return null; // NATURAL JOIN without common columns is a cross join
        }
        return parts.isEmpty() ? null : Exprs.and(parts);
    }

    private Set<String> names(int fromEntry, int toEntry) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = fromEntry; i < toEntry; i++) {
            names.addAll(List.of(scope.entries().get(i).names()));
        }
        return names;
    }

    private ColumnRef find(String name, int fromEntry, int toEntry, String side) {
        ColumnRef found = null;
        for (int i = fromEntry; i < toEntry; i++) {
            Scope.Entry e = scope.entries().get(i);
            int c = e.indexOf(name);
            if (c >= 0) {
                if (found != null) {
                    throw new RecallException(ErrorCode.AMBIGUOUS_COLUMN,
                            "Join column " + name + " is ambiguous on the " + side + " side");
                }
                found = new ColumnRef(e.offset() + c, name, e.types()[c]);
            }
        }
        if (found == null) {
            throw new RecallException(ErrorCode.COLUMN_NOT_FOUND,
                    "Join column " + name + " is not on the " + side + " side of the join");
        }
        return found;
    }

    private JoinNode item(FromItem f) {
        if (f instanceof ParenthesedFromItem p && p.getFromItem() instanceof net.sf.jsqlparser.statement.select.Select s
                && (p.getJoins() == null || p.getJoins().isEmpty())) {
            return derived(queries.query(s, outer), aliasName(p.getAlias()), p.getAlias());
        }
        if (f instanceof ParenthesedFromItem p) {
            if (p.getAlias() != null) {
                throw RecallException.notSupported("An alias on a parenthesized join");
            }
            return tree(p.getFromItem(), p.getJoins());
        }
        if (f instanceof Table t) {
            return table(t);
        }
        if (f instanceof ParenthesedSelect ps) {
            SelectBinder.BoundQuery q = queries.query(ps, outer);
            return derived(q, aliasName(ps.getAlias()), ps.getAlias());
        }
        throw RecallException.notSupported("This FROM item (" + ExpressionBinder.abbreviate(f.toString()) + ")");
    }

    private JoinNode table(Table t) {
        String alias = aliasName(t.getAlias());
        if (t.getSchemaName() == null) {
            SelectBinder.BoundQuery cte = queries.cte(Names.normalize(t.getName()));
            if (cte != null) {
                return derived(cte, alias != null ? alias : Names.normalize(t.getName()), t.getAlias());
            }
        }
        SelectBinder.BoundQuery view = queries.view(t);
        if (view != null) {
            return derived(view, alias != null ? alias : Names.normalize(t.getName()), t.getAlias());
        }
        if (t.getAlias() != null && t.getAlias().getAliasColumns() != null) {
            throw RecallException.notSupported("Column aliases on a table");
        }
        TableDef def = tables.require(t);
        Scope.Entry e = scope.addTable(def, alias);
        return add(new TableScan(def, alias), e);
    }

    private JoinNode derived(SelectBinder.BoundQuery q, String alias, Alias spec) {
        String[] names = q.names();
        if (spec != null && spec.getAliasColumns() != null) {
            List<Alias.AliasColumn> cols = spec.getAliasColumns();
            if (cols.size() > names.length) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR, alias + " has " + names.length
                        + " columns but " + cols.size() + " column names were given");
            }
            for (int i = 0; i < cols.size(); i++) {
                names[i] = Names.normalize(cols.get(i).name);
            }
        }
        if (q.correlated()) {
            scope.level.correlated = true;
        }
        Scope.Entry e = scope.addDerived(alias, names, q.types());
        return add(q.relation(), e);
    }

    private JoinNode add(Relation r, Scope.Entry e) {
        inputs.add(r);
        offsets.add(e.offset());
        return new JoinNode.Leaf(inputs.size() - 1);
    }

    private static String aliasName(Alias a) {
        return a == null || a.getName() == null ? null : Names.normalize(a.getName());
    }
}
