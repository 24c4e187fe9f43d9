package io.recall.parser.sql;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Literal;
import io.recall.parser.expr.Subquery;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.plan.SortKey;
import io.recall.parser.query.Limit;
import io.recall.parser.query.QueryPlan;
import io.recall.parser.query.Relation;
import io.recall.parser.query.Relations;
import io.recall.parser.query.RowLocking;
import io.recall.parser.query.Sort;
import io.recall.parser.query.ValuesRows;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.ForMode;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a query of any shape: plain SELECT blocks ({@link PlainSelectBinder}), set operations
 * ({@link SetOperationBinder}), WITH clauses, views, and ORDER BY / LIMIT over the whole. It is
 * also the {@link ExpressionBinder.Subqueries} every expression of the statement uses.
 */
final class SelectBinder implements ExpressionBinder.Subqueries {
    private static final int MAX_VIEW_DEPTH = 32;

    /** A bound query: its relation, its columns, and whether it reads an enclosing query's row. */
    record BoundQuery(Relation relation, OutputColumn[] columns, boolean correlated) {
        Subquery subquery() {
            return new Subquery(relation, correlated || Relations.dependsOnContext(relation));
        }

        String[] names() {
            String[] names = new String[columns.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = columns[i].label();
            }
            return names;
        }

        ColumnType[] types() {
            ColumnType[] types = new ColumnType[columns.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = columns[i].type();
            }
            return types;
        }
    }

    private final TableResolver tables;
    private final ParameterRegistry parameters;
    private final Deque<Map<String, BoundQuery>> ctes = new ArrayDeque<>();
    private final int viewDepth;
    private static final java.util.concurrent.atomic.AtomicInteger RECURSION_IDS =
            new java.util.concurrent.atomic.AtomicInteger();

    SelectBinder(TableResolver tables, ParameterRegistry parameters) {
        this(tables, parameters, 0);
    }

    private SelectBinder(TableResolver tables, ParameterRegistry parameters, int viewDepth) {
        this.tables = tables;
        this.parameters = parameters;
        this.viewDepth = viewDepth;
    }

    TableResolver tables() {
        return tables;
    }

    ParameterRegistry parameters() {
        return parameters;
    }

    /** A top-level query, with the rows to lock for SELECT ... FOR UPDATE / FOR SHARE. */
    QueryPlan bind(Select select) {
        BoundQuery q = query(select, null);
        if (select instanceof PlainSelect ps && ps.getForMode() != null && ps.getForMode() != ForMode.READ_ONLY
                && ps.getForMode() != ForMode.FETCH_ONLY) {
            return new QueryPlan(q.relation(), q.columns(), rowLocking(ps, q.relation()));
        }
        return new QueryPlan(q.relation(), q.columns());
    }

    private RowLocking rowLocking(PlainSelect ps, Relation relation) {
        if (!(ps.getFromItem() instanceof Table t) || ps.getJoins() != null && !ps.getJoins().isEmpty()
                || ps.getGroupBy() != null || ps.getDistinct() != null || tables.catalog().view(
                tables.schemaOf(t), Names.normalize(t.getName())) != null) {
            throw RecallException.notSupported("FOR UPDATE on anything but one table");
        }
        TableDef table = tables.require(t);
        if (ReadsTableTwice.check(ps, t)) {
            throw RecallException.notSupported("FOR UPDATE of a table the query also reads in a subquery");
        }
        String alias = t.getAlias() == null ? null : Names.normalize(t.getAlias().getName());
        Expr where = ps.getWhere() == null ? null
                : new ExpressionBinder(Scope.ofTable(table, alias), parameters, this).predicate(ps.getWhere());
        RowLocking.Wait wait = RowLocking.Wait.LOCK_TIMEOUT;
        long waitMillis = 0;
        if (ps.isSkipLocked()) {
            wait = RowLocking.Wait.SKIP_LOCKED;
        } else if (ps.isNoWait()) {
            wait = RowLocking.Wait.NO_WAIT;
        } else if (ps.getWait() != null) {
            wait = RowLocking.Wait.MILLIS;
            waitMillis = Math.multiplyExact(ps.getWait().getTimeout(), 1000L);
        }
        Limit limit = LockedRowLimit.of(relation);
        return new RowLocking(table, where, wait, waitMillis, limit == null ? null : limit.limit(),
                limit == null ? null : limit.offset());
    }

    @Override
    public BoundQuery bind(Select select, Scope outer) {
        return query(select, outer);
    }

    BoundQuery query(Select select, Scope outer) {
        boolean withClause = select.getWithItemsList() != null && !select.getWithItemsList().isEmpty();
        if (withClause) {
            ctes.push(new HashMap<>());
            new WithBinder(this, outer).bind(select.getWithItemsList(), ctes.peek());
        }
        try {
            if (select instanceof ParenthesedSelect p) {
                BoundQuery inner = query(p.getSelect(), outer);
                return orderAndLimit(inner, p.getOrderByElements(), p.getLimit(), p.getOffset(), p.getFetch(), outer);
            }
            if (select instanceof PlainSelect ps) {
                return new PlainSelectBinder(this, ps, outer).bind();
            }
            if (select instanceof SetOperationList list) {
                BoundQuery q = new SetOperationBinder(this, outer).bind(list);
                return orderAndLimit(q, list.getOrderByElements(), list.getLimit(), list.getOffset(), list.getFetch(),
                        outer);
            }
            if (select instanceof Values values) {
                return values(values, outer);
            }
            throw RecallException.notSupported("This form of query (" + select.getClass().getSimpleName() + ")");
        } finally {
            if (withClause) {
                ctes.pop();
            }
        }
    }

    /** {@code VALUES (..), (..)} as a query; its columns are named C1, C2, ... as in H2. */
    private BoundQuery values(Values values, Scope outer) {
        ExpressionBinder binder = new ExpressionBinder(new Scope(outer), parameters, this);
        net.sf.jsqlparser.expression.operators.relational.ExpressionList<?> list = values.getExpressions();
        boolean singleRow = !list.isEmpty() && !(list.get(0) instanceof
                net.sf.jsqlparser.expression.operators.relational.ExpressionList<?>);
        List<Expr[]> rows = new java.util.ArrayList<>();
        for (Object item : singleRow ? List.of(list) : list) {
            java.util.List<?> cells = item instanceof java.util.List<?> l ? l : List.of(item);
            Expr[] row = new Expr[cells.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = binder.bind((Expression) cells.get(i));
            }
            if (!rows.isEmpty() && rows.get(0).length != row.length) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR, "VALUES rows must all have the same length");
            }
            rows.add(row);
        }
        List<ColumnType[]> rowTypes = new java.util.ArrayList<>();
        for (Expr[] row : rows) {
            ColumnType[] types = new ColumnType[row.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = row[i].type();
            }
            rowTypes.add(types);
        }
        ColumnType[] common = CommonTypes.of(rowTypes, "VALUES");
        OutputColumn[] columns = new OutputColumn[common.length];
        for (int i = 0; i < columns.length; i++) {
            String name = "C" + (i + 1);
            columns[i] = new OutputColumn(name, name, "", "", common[i], true);
            for (Expr[] row : rows) {
                row[i] = CommonTypes.cast(row[i], common[i]);
            }
        }
        ValuesRows relation = new ValuesRows(rows.toArray(new Expr[0][]), columns.length);
        return new BoundQuery(relation, columns, Relations.dependsOnContext(relation));
    }

    /** A CTE of an enclosing WITH clause, or null. */
    BoundQuery cte(String name) {
        for (Map<String, BoundQuery> level : ctes) {
            BoundQuery q = level.get(name);
            if (q != null) {
                return q;
            }
        }
        return null;
    }

    int nextRecursionId() {
        return RECURSION_IDS.incrementAndGet(); // unique across views bound by other binders
    }

    /** The view's query bound afresh against the current catalog, or null if {@code t} names no view. */
    BoundQuery view(Table t) {
        String schema = tables.schemaOf(t);
        ViewDef view = tables.catalog().view(schema, Names.normalize(t.getName()));
        if (view == null) {
            return null;
        }
        if (viewDepth >= MAX_VIEW_DEPTH) {
            throw new RecallException(ErrorCode.STATEMENT_TOO_COMPLEX,
                    "Views nest deeper than " + MAX_VIEW_DEPTH + " levels at " + view.name());
        }
        Select select = SqlCompiler.parseQuery(view.sql());
        TableResolver resolver = new TableResolver(tables.catalog(), view.schema());
        BoundQuery q = new SelectBinder(resolver, new ParameterRegistry(), viewDepth + 1).query(select, null);
        OutputColumn[] columns = q.columns().clone();
        List<String> names = view.columnNames();
        for (int i = 0; i < columns.length && i < names.size(); i++) {
            OutputColumn c = columns[i];
            columns[i] = new OutputColumn(names.get(i), names.get(i), view.schema(), view.name(), c.type(),
                    c.nullable());
        }
        return new BoundQuery(q.relation(), columns, false);
    }

    /** ORDER BY, OFFSET and LIMIT over a whole query's output (set operations, parenthesized queries). */
    BoundQuery orderAndLimit(BoundQuery q, List<OrderByElement> orderBy, net.sf.jsqlparser.statement.select.Limit limit,
                             Offset offset, Fetch fetch, Scope outer) {
        Relation r = q.relation();
        if (orderBy != null && !orderBy.isEmpty()) {
            Scope output = new Scope(outer);
            output.addDerived(null, q.names(), q.types());
            ExpressionBinder binder = new ExpressionBinder(output, parameters, this);
            SortKey[] keys = new SortKey[orderBy.size()];
            for (int i = 0; i < keys.length; i++) {
                OrderByElement el = orderBy.get(i);
                int position = outputPosition(el.getExpression(), q.names());
                Expr x = position >= 0 ? new ColumnRef(position, q.names()[position], q.types()[position])
                        : binder.bind(el.getExpression());
                keys[i] = sortKey(x, el);
            }
            r = new Sort(r, keys);
        }
        r = limit(r, limit, offset, fetch);
        return r == q.relation() ? q : new BoundQuery(r, q.columns(), q.correlated());
    }

    /** The select-list position an ORDER BY term names by number or by output name, or -1. */
    static int outputPosition(Expression e, String[] labels) {
        if (e instanceof LongValue pos) {
            long p = pos.getValue();
            if (p < 1 || p > labels.length) {
                throw new RecallException(ErrorCode.INVALID_COLUMN_REFERENCE,
                        "ORDER BY position " + p + " is not in the select list (1.." + labels.length + ")");
            }
            return (int) p - 1;
        }
        if (e instanceof Column c && c.getTable() == null) {
            String name = Names.normalize(c.getColumnName());
            for (int j = 0; j < labels.length; j++) {
                if (labels[j].equals(name)) {
                    return j;
                }
            }
        }
        return -1;
    }

    static SortKey sortKey(Expr x, OrderByElement el) {
        boolean desc = !el.isAsc();
        boolean nullsFirst;
        if (el.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST) {
            nullsFirst = true;
        } else if (el.getNullOrdering() == OrderByElement.NullOrdering.NULLS_LAST) {
            nullsFirst = false;
        } else {
            nullsFirst = !desc; // NULLs sort low, as in H2: first ascending, last descending
        }
        return new SortKey(x, desc, nullsFirst);
    }

    Relation limit(Relation r, net.sf.jsqlparser.statement.select.Limit limit, Offset offset, Fetch fetch) {
        Expr count = null;
        Expr skip = null;
        ExpressionBinder binder = new ExpressionBinder(new Scope(null), parameters, this);
        if (limit != null) {
            if (limit.getRowCount() != null && !limit.isLimitAll() && !limit.isLimitNull()) {
                count = rowCount(binder, limit.getRowCount());
            }
            if (limit.getOffset() != null) {
                skip = rowCount(binder, limit.getOffset());
            }
            if (limit.getByExpressions() != null) {
                throw RecallException.notSupported("LIMIT BY");
            }
        }
        if (offset != null) {
            skip = rowCount(binder, offset.getOffset());
        }
        if (fetch != null) {
            count = fetch.getExpression() == null ? new Literal(1L, ColumnType.BIGINT)
                    : rowCount(binder, fetch.getExpression());
            if (fetch.getFetchParameters() != null && fetch.getFetchParameters().stream()
                    .anyMatch(s -> s.equalsIgnoreCase("PERCENT") || s.equalsIgnoreCase("TIES"))) {
                throw RecallException.notSupported("FETCH ... PERCENT / WITH TIES");
            }
        }
        return count == null && skip == null ? r : new Limit(r, count, skip);
    }

    private static Expr rowCount(ExpressionBinder binder, Expression e) {
        Expr x = binder.bind(e);
        ExpressionBinder.inferParameter(x, ColumnType.BIGINT);
        SqlType t = x.type().type();
        if (t != SqlType.UNKNOWN && !t.isExactInteger()) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH, "LIMIT and OFFSET need an integer: " + e);
        }
        return x;
    }

    /** Output column description of a projected expression. */
    static OutputColumn describe(String label, Expr x, Scope.Entry source, int column) {
        if (source != null) {
            boolean nullable = source.nullable()[column];
            return new OutputColumn(label, source.names()[column], source.schema(), source.table(),
                    source.types()[column], nullable);
        }
        ColumnType type = x.type();
        boolean nullable = !(x instanceof Literal lit && lit.value() != null);
        return new OutputColumn(label, label, "", "", type.type() == SqlType.UNKNOWN && x instanceof Literal
                ? ColumnType.VARCHAR : type, nullable);
    }
}
