package io.recall.parser.sql;

import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Literal;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.plan.SelectPlan;
import io.recall.parser.plan.SortKey;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.List;

/** Binds a single-table SELECT. Joins, grouping, subqueries and set operations are refused. */
final class SelectBinder {
    private final TableResolver tables;
    private final ParameterRegistry parameters;

    SelectBinder(TableResolver tables, ParameterRegistry parameters) {
        this.tables = tables;
        this.parameters = parameters;
    }

    SelectPlan bind(Select select) {
        if (select instanceof ParenthesedSelect p && p.getOrderByElements() == null && p.getLimit() == null
                && p.getOffset() == null) {
            return bind(p.getSelect());
        }
        if (!(select instanceof PlainSelect ps)) {
            throw RecallException.notSupported("This form of query (" + select.getClass().getSimpleName() + ")");
        }
        if (ps.getWithItemsList() != null && !ps.getWithItemsList().isEmpty()) {
            throw RecallException.notSupported("WITH");
        }
        if (ps.getJoins() != null && !ps.getJoins().isEmpty()) {
            throw RecallException.notSupported("Joins");
        }
        if (ps.getGroupBy() != null || ps.getHaving() != null) {
            throw RecallException.notSupported("GROUP BY and HAVING");
        }
        if (ps.getDistinct() != null && ps.getDistinct().getOnSelectItems() != null) {
            throw RecallException.notSupported("DISTINCT ON");
        }
        if (ps.getTop() != null || ps.getIntoTables() != null || ps.getWindowDefinitions() != null) {
            throw RecallException.notSupported("This SELECT clause");
        }
        TableDef table = null;
        String alias = null;
        FromItem from = ps.getFromItem();
        if (from != null) {
            if (!(from instanceof Table t)) {
                throw RecallException.notSupported("A subquery in FROM");
            }
            if (isDual(t)) {
                from = null;
            } else {
                table = tables.require(t);
                alias = from.getAlias() == null ? null : Names.normalize(from.getAlias().getName());
            }
        }
        Scope scope = new Scope(table, alias);
        ExpressionBinder binder = new ExpressionBinder(scope, parameters);

        List<Expr> projections = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllColumns || e instanceof AllTableColumns) {
                if (table == null) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "SELECT * needs a FROM clause");
                }
                if (e instanceof AllTableColumns atc) {
                    scope.resolve(Names.normalize(atc.getTable().getName()), "");
                }
                for (int i = 0; i < table.columnCount(); i++) {
                    ColumnDef c = table.column(i);
                    projections.add(new ColumnRef(i, c.name(), c.type()));
                    columns.add(new OutputColumn(c.name(), c.name(), table.schema(), table.name(), c.type(),
                            !c.notNull()));
                }
                continue;
            }
            Expr x = binder.bind(e);
            projections.add(x);
            columns.add(describe(item, e, x, table));
        }

        Expr where = ps.getWhere() == null ? null : binder.predicate(ps.getWhere());
        boolean distinct = ps.getDistinct() != null;
        SortKey[] order = orderBy(ps.getOrderByElements(), ps, projections, columns, binder, distinct);
        Expr limit = null;
        Expr offset = null;
        if (ps.getLimit() != null) {
            if (ps.getLimit().getRowCount() != null && !ps.getLimit().isLimitAll() && !ps.getLimit().isLimitNull()) {
                limit = rowCount(binder, ps.getLimit().getRowCount());
            }
            if (ps.getLimit().getOffset() != null) {
                offset = rowCount(binder, ps.getLimit().getOffset());
            }
            if (ps.getLimit().getByExpressions() != null) {
                throw RecallException.notSupported("LIMIT BY");
            }
        }
        if (ps.getOffset() != null) {
            offset = rowCount(binder, ps.getOffset().getOffset());
        }
        if (ps.getFetch() != null) {
            limit = ps.getFetch().getExpression() == null ? new Literal(1L, ColumnType.BIGINT)
                    : rowCount(binder, ps.getFetch().getExpression());
            if (ps.getFetch().getFetchParameters() != null
                    && ps.getFetch().getFetchParameters().stream().anyMatch(s -> s.equalsIgnoreCase("PERCENT")
                    || s.equalsIgnoreCase("TIES"))) {
                throw RecallException.notSupported("FETCH ... PERCENT / WITH TIES");
            }
        }
        boolean forUpdate = ps.getForMode() != null;
        if (forUpdate && table == null) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "FOR UPDATE needs a table");
        }
        if (forUpdate && (ps.getWait() != null || ps.isNoWait() || ps.isSkipLocked())) {
            throw RecallException.notSupported("FOR UPDATE NOWAIT / SKIP LOCKED / WAIT");
        }
        return new SelectPlan(table, where, projections.toArray(new Expr[0]), columns.toArray(new OutputColumn[0]),
                order, distinct, limit, offset, forUpdate);
    }

    private static boolean isDual(Table t) {
        return t.getSchemaName() == null && "DUAL".equalsIgnoreCase(t.getName());
    }

    private static OutputColumn describe(SelectItem<?> item, Expression e, Expr x, TableDef table) {
        Alias alias = item.getAlias();
        if (x instanceof ColumnRef ref && table != null) {
            ColumnDef c = table.column(ref.index());
            String label = alias == null ? c.name() : Names.normalize(alias.getName());
            return new OutputColumn(label, c.name(), table.schema(), table.name(), c.type(), !c.notNull());
        }
        String label = alias != null ? Names.normalize(alias.getName()) : e.toString();
        ColumnType type = x.type();
        boolean nullable = !(x instanceof Literal lit && lit.value() != null);
        return new OutputColumn(label, label, "", "", type.type() == SqlType.UNKNOWN && x instanceof Literal
                ? ColumnType.VARCHAR : type, nullable);
    }

    private SortKey[] orderBy(List<OrderByElement> elements, PlainSelect ps, List<Expr> projections,
                              List<OutputColumn> columns, ExpressionBinder binder, boolean distinct) {
        if (elements == null || elements.isEmpty()) {
            return new SortKey[0];
        }
        SortKey[] keys = new SortKey[elements.size()];
        for (int i = 0; i < keys.length; i++) {
            OrderByElement el = elements.get(i);
            Expression e = el.getExpression();
            Expr x = null;
            if (e instanceof LongValue pos) {
                long p = pos.getValue();
                if (p < 1 || p > projections.size()) {
                    throw new RecallException(ErrorCode.COLUMN_NOT_FOUND,
                            "ORDER BY position " + p + " is not in the select list (1.." + projections.size() + ")");
                }
                x = projections.get((int) p - 1);
            } else if (e instanceof Column c && c.getTable() == null) {
                String name = Names.normalize(c.getColumnName());
                for (int j = 0; j < columns.size(); j++) {
                    if (columns.get(j).label().equals(name)) {
                        x = projections.get(j);
                        break;
                    }
                }
            }
            if (x == null) {
                x = binder.bind(e);
            }
            if (distinct && !projections.contains(x)) {
                throw new RecallException(ErrorCode.INVALID_DEFINITION,
                        "For SELECT DISTINCT, ORDER BY expressions must appear in the select list: " + e);
            }
            boolean desc = !el.isAsc();
            boolean nullsFirst;
            if (el.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST) {
                nullsFirst = true;
            } else if (el.getNullOrdering() == OrderByElement.NullOrdering.NULLS_LAST) {
                nullsFirst = false;
            } else {
                nullsFirst = !desc; // NULLs sort low, as in H2: first ascending, last descending
            }
            keys[i] = new SortKey(x, desc, nullsFirst);
        }
        return keys;
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
}
