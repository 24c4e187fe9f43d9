package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.plan.SortKey;
import io.recall.parser.query.Aggregate;
import io.recall.parser.query.Distinct;
import io.recall.parser.query.Filter;
import io.recall.parser.query.Project;
import io.recall.parser.query.Relation;
import io.recall.parser.query.Sort;
import io.recall.parser.query.Window;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds one SELECT block in SQL's logical order: FROM and WHERE, GROUP BY and aggregates,
 * HAVING, window functions, the select list, DISTINCT, ORDER BY (also on expressions not
 * selected, carried as hidden columns and dropped at the end), OFFSET and LIMIT.
 */
final class PlainSelectBinder implements ExpressionBinder.Hook {
    private final SelectBinder queries;
    private final PlainSelect ps;
    private final Scope outer;
    private Grouping grouping;
    private WindowBinder windows;

    PlainSelectBinder(SelectBinder queries, PlainSelect ps, Scope outer) {
        this.queries = queries;
        this.ps = ps;
        this.outer = outer;
    }

    SelectBinder.BoundQuery bind() {
        checkSupported();
        FromBinder.From from = FromBinder.bind(queries, queries.tables(), queries.parameters(), ps.getFromItem(),
                ps.getJoins(), outer);
        Scope scope = from.scope();
        ExpressionBinder plain = new ExpressionBinder(scope, queries.parameters(), queries);
        Expr where = ps.getWhere() == null ? null : plain.predicate(ps.getWhere());
        Relation source = from.withWhere(where);

        Scope itemScope = scope;
        if (isAggregating()) {
            grouping = new Grouping(plain);
            bindGroupBy(plain);
            bindAggregateCalls();
            itemScope = grouping.scope();
        }
        windows = new WindowBinder(grouping != null ? grouping.width() : scope.width());
        ExpressionBinder items = new ExpressionBinder(itemScope, queries.parameters(), queries, this);

        List<Expr> visible = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        bindSelectList(items, scope, visible, columns);
        Expr having = ps.getHaving() == null ? null : items.predicate(ps.getHaving());
        List<Expr> projected = new ArrayList<>(visible);
        SortKey[] order = orderBy(items, projected, columns);

        Relation r = source;
        if (grouping != null) {
            r = new Aggregate(r, grouping.groups(), grouping.calls());
            if (having != null) {
                r = new Filter(r, having);
            }
        }
        if (!windows.isEmpty()) {
            r = new Window(r, windows.calls());
        }
        r = new Project(r, projected.toArray(new Expr[0]));
        if (ps.getDistinct() != null) {
            r = new Distinct(r);
        }
        if (order.length > 0) {
            r = new Sort(r, order);
        }
        r = queries.limit(r, ps.getLimit(), ps.getOffset(), ps.getFetch());
        if (projected.size() > visible.size()) {
            Expr[] trim = new Expr[visible.size()];
            for (int i = 0; i < trim.length; i++) {
                trim[i] = new ColumnRef(i, columns.get(i).label(), columns.get(i).type());
            }
            r = new Project(r, trim);
        }
        return new SelectBinder.BoundQuery(r, columns.toArray(new OutputColumn[0]), scope.level.correlated);
    }

    private void checkSupported() {
        if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
            throw RecallException.notSupported("DISTINCT ON");
        }
        if (ps.getTop() != null || ps.getIntoTables() != null || ps.getWindowDefinitions() != null
                || ps.getQualify() != null || ps.getKsqlWindow() != null) {
            throw RecallException.notSupported("This SELECT clause");
        }
        if (ps.getForMode() != null && outerOrNested()) {
            throw RecallException.notSupported("FOR UPDATE in a subquery");
        }
        if (ps.getGroupBy() != null && ps.getGroupBy().getGroupingSets() != null
                && !ps.getGroupBy().getGroupingSets().isEmpty()) {
            throw RecallException.notSupported("GROUPING SETS");
        }
    }

    private boolean outerOrNested() {
        return outer != null;
    }

    private boolean isAggregating() {
        if (ps.getGroupBy() != null || ps.getHaving() != null) {
            return true;
        }
        for (SelectItem<?> item : ps.getSelectItems()) {
            if (containsAggregate(item.getExpression())) {
                return true;
            }
        }
        if (ps.getOrderByElements() != null) {
            for (OrderByElement el : ps.getOrderByElements()) {
                if (containsAggregate(el.getExpression())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the expression calls an aggregate function outside any subquery. */
    static boolean containsAggregate(Expression e) {
        return !AggregateCalls.in(e).isEmpty();
    }

    /**
     * Binds every aggregate call of the select list, HAVING and ORDER BY before anything else, so
     * the grouped row's width is known when window functions are given the positions after it.
     */
    private void bindAggregateCalls() {
        List<Expression> clauses = new ArrayList<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            clauses.add(item.getExpression());
        }
        if (ps.getHaving() != null) {
            clauses.add(ps.getHaving());
        }
        if (ps.getOrderByElements() != null) {
            for (OrderByElement el : ps.getOrderByElements()) {
                clauses.add(el.getExpression());
            }
        }
        for (Expression e : clauses) {
            for (Function f : AggregateCalls.in(e)) {
                grouping.aggregate(f);
            }
        }
        grouping.freeze();
    }

    private void bindGroupBy(ExpressionBinder plain) {
        if (ps.getGroupBy() == null || ps.getGroupBy().getGroupByExpressionList() == null) {
            return;
        }
        for (Object o : ps.getGroupBy().getGroupByExpressionList()) {
            Expression g = (Expression) o;
            Expression source = selectItemNamed(g, plain.scope());
            Expr bound = plain.bind(source);
            grouping.addGroup(bound, source.toString());
        }
    }

    /** GROUP BY 2 or GROUP BY alias means that select item's expression. */
    private Expression selectItemNamed(Expression g, Scope scope) {
        List<SelectItem<?>> items = ps.getSelectItems();
        if (g instanceof LongValue pos) {
            long p = pos.getValue();
            if (p < 1 || p > items.size() || items.get((int) p - 1).getExpression() instanceof AllColumns) {
                throw new RecallException(ErrorCode.INVALID_COLUMN_REFERENCE,
                        "GROUP BY position " + p + " is not in the select list");
            }
            return items.get((int) p - 1).getExpression();
        }
        if (g instanceof Column c && c.getTable() == null) {
            String name = Names.normalize(c.getColumnName());
            if (scope.resolveLocal(null, null, name) == null) {
                for (SelectItem<?> item : items) {
                    if (item.getAlias() != null && Names.normalize(item.getAlias().getName()).equals(name)) {
                        return item.getExpression();
                    }
                }
            }
        }
        return g;
    }

    @Override
    public Expr intercept(Expression e, ExpressionBinder binder) {
        if (grouping != null) {
            if (!(e instanceof Column)) {
                Expr g = grouping.matchText(e);
                if (g != null) {
                    return g;
                }
            }
            if (e instanceof Function f && !(e instanceof AnalyticExpression) && f.getName() != null
                    && ExpressionBinder.isAggregate(f.getName().toUpperCase(Locale.ROOT))) {
                return grouping.aggregate(f);
            }
        }
        if (e instanceof AnalyticExpression a) {
            return windows.add(a, binder);
        }
        return null;
    }

    private void bindSelectList(ExpressionBinder items, Scope scope, List<Expr> visible, List<OutputColumn> columns) {
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllColumns && !(e instanceof AllTableColumns)) {
                if (scope.entries().isEmpty()) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "SELECT * needs a FROM clause");
                }
                for (Map.Entry<String, Expr> m : scope.mergedColumns().entrySet()) {
                    addColumn(m.getKey(), m.getValue(), scope, visible, columns);
                }
                for (Scope.Entry entry : scope.entries()) {
                    expand(entry, scope, true, visible, columns);
                }
                continue;
            }
            if (e instanceof AllTableColumns atc) {
                String q = Names.normalize(atc.getTable().getName());
                String schema = atc.getTable().getSchemaName() == null ? null
                        : Names.normalize(atc.getTable().getSchemaName());
                boolean found = false;
                for (Scope.Entry entry : scope.entries()) {
                    if (entry.matches(schema, q)) {
                        expand(entry, scope, false, visible, columns);
                        found = true;
                    }
                }
                if (!found) {
                    throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table or alias " + q
                            + " is not in the FROM clause");
                }
                continue;
            }
            Expr x = items.bind(e);
            String label = item.getAlias() != null ? Names.normalize(item.getAlias().getName())
                    : e instanceof Column c ? Names.normalize(c.getColumnName()) : e.toString();
            Scope.Entry source = null;
            int column = -1;
            if (e instanceof Column && grouping == null && x instanceof ColumnRef ref) {
                source = scope.entryAt(ref.index());
                column = source == null ? -1 : ref.index() - source.offset();
            }
            visible.add(x);
            columns.add(SelectBinder.describe(label, x, source, column));
            if (grouping != null && item.getAlias() != null) {
                grouping.addAlias(label, x);
            }
        }
    }

    private void expand(Scope.Entry entry, Scope scope, boolean skipMerged, List<Expr> visible,
                        List<OutputColumn> columns) {
        for (int i = 0; i < entry.names().length; i++) {
            int index = entry.offset() + i;
            if (skipMerged && scope.isHidden(index)) {
                continue;
            }
            Expr ref = new ColumnRef(index, entry.names()[i], entry.types()[i]);
            if (grouping != null) {
                int slot = grouping.slotOf(ref);
                if (slot < 0) {
                    throw new RecallException(ErrorCode.GROUPING_ERROR, "Column " + entry.names()[i]
                            + " must appear in GROUP BY or be used in an aggregate function");
                }
                ref = new ColumnRef(slot, entry.names()[i], entry.types()[i]);
            }
            visible.add(ref);
            columns.add(SelectBinder.describe(entry.names()[i], ref, grouping == null ? entry : null, i));
        }
    }

    private void addColumn(String name, Expr value, Scope scope, List<Expr> visible, List<OutputColumn> columns) {
        Expr x = value;
        if (grouping != null) {
            int slot = grouping.slotOf(value);
            if (slot < 0) {
                throw new RecallException(ErrorCode.GROUPING_ERROR,
                        "Column " + name + " must appear in GROUP BY or be used in an aggregate function");
            }
            x = new ColumnRef(slot, name, value.type());
        }
        visible.add(x);
        columns.add(SelectBinder.describe(name, x, null, -1));
    }

    private SortKey[] orderBy(ExpressionBinder items, List<Expr> projected, List<OutputColumn> columns) {
        List<OrderByElement> elements = ps.getOrderByElements();
        if (elements == null || elements.isEmpty()) {
            return new SortKey[0];
        }
        String[] labels = new String[columns.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = columns.get(i).label();
        }
        SortKey[] keys = new SortKey[elements.size()];
        for (int i = 0; i < keys.length; i++) {
            OrderByElement el = elements.get(i);
            int position = SelectBinder.outputPosition(el.getExpression(), labels);
            if (position < 0) {
                Expr x = items.bind(el.getExpression());
                position = projected.indexOf(x);
                if (position < 0) {
                    if (ps.getDistinct() != null) {
                        throw new RecallException(ErrorCode.INVALID_COLUMN_REFERENCE,
                                "For SELECT DISTINCT, ORDER BY expressions must appear in the select list: "
                                        + el.getExpression());
                    }
                    projected.add(x);
                    position = projected.size() - 1;
                }
            }
            Expr key = projected.get(position);
            keys[i] = SelectBinder.sortKey(new ColumnRef(position, "", key.type()), el);
        }
        return keys;
    }
}
