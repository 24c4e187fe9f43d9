package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.types.ColumnType;
import io.recall.parser.query.RecursiveUnion;
import io.recall.parser.query.WorkingTable;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.statement.select.WithItem;

import java.util.List;
import java.util.Map;

/**
 * A WITH clause: each common table expression is bound once, in order (later ones may read
 * earlier ones), and every reference reads its relation. A recursive one is its anchor query
 * UNION [ALL] a query over the rows of the previous round.
 */
final class WithBinder {
    private final SelectBinder queries;
    private final Scope outer;

    WithBinder(SelectBinder queries, Scope outer) {
        this.queries = queries;
        this.outer = outer;
    }

    void bind(List<WithItem<?>> items, Map<String, SelectBinder.BoundQuery> into) {
        for (WithItem<?> item : items) {
            String name = Names.normalize(item.getAliasName());
            if (into.containsKey(name)) {
                throw new RecallException(ErrorCode.DUPLICATE_ALIAS, "WITH query name " + name + " is used twice");
            }
            if (item.getSelect() == null || item.isMaterialized() || item.getSearchClause() != null
                    || item.getCycleClause() != null || item.getWithFunctionDeclaration() != null) {
                throw RecallException.notSupported("This form of WITH item (" + name + ")");
            }
            Select body = item.getSelect().getSelect();
            SelectBinder.BoundQuery q = item.isRecursive() && body instanceof SetOperationList list
                    && references(list, name) ? recursive(name, list, item, into)
                    : queries.query(item.getSelect(), outer);
            into.put(name, renamed(q, item.getWithItemList(), name));
        }
    }

    private SelectBinder.BoundQuery recursive(String name, SetOperationList list, WithItem<?> item,
                                              Map<String, SelectBinder.BoundQuery> into) {
        int last = list.getSelects().size() - 1;
        if (last != 1 || !(list.getOperations().get(0) instanceof UnionOp)
                || list.getOrderByElements() != null || list.getLimit() != null) {
            throw RecallException.notSupported("A recursive WITH query other than <anchor> UNION [ALL] <recursive>");
        }
        boolean all = list.getOperations().get(0).isAll();
        Select recursivePart = list.getSelects().get(1);
        if (recursivePart instanceof PlainSelect ps && (ps.getGroupBy() != null || ps.getSelectItems().stream()
                .anyMatch(selected -> PlainSelectBinder.containsAggregate(selected.getExpression())))) {
            throw new RecallException(ErrorCode.INVALID_RECURSION,
                    "Aggregate functions are not allowed in the recursive part of " + name);
        }
        SelectBinder.BoundQuery anchor = renamed(queries.query(list.getSelects().get(0), outer),
                item.getWithItemList(), name);
        int id = queries.nextRecursionId();
        WorkingTable working = new WorkingTable(id, anchor.columns().length);
        into.put(name, new SelectBinder.BoundQuery(working, anchor.columns(), anchor.correlated()));
        SelectBinder.BoundQuery step;
        try {
            step = queries.query(list.getSelects().get(1), outer);
        } finally {
            into.remove(name);
        }
        if (step.columns().length != anchor.columns().length) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "The recursive part of " + name + " has "
                    + step.columns().length + " columns, its anchor " + anchor.columns().length);
        }
        OutputColumn[] columns = SetOperationBinder.columns(List.of(anchor, step));
        ColumnType[] common = new SelectBinder.BoundQuery(null, columns, false).types();
        return new SelectBinder.BoundQuery(new RecursiveUnion(id, CommonTypes.castTo(anchor.relation(), anchor.types(),
                common), CommonTypes.castTo(step.relation(), step.types(), common), all), columns,
                anchor.correlated() || step.correlated());
    }

    private static boolean references(SetOperationList list, String name) {
        Select last = list.getSelects().get(list.getSelects().size() - 1);
        String text = (last instanceof ParenthesedSelect p ? p.getSelect() : last).toString().toUpperCase();
        return text.matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "\\b.*");
    }

    private static SelectBinder.BoundQuery renamed(SelectBinder.BoundQuery q, List<SelectItem<?>> names,
                                                   String cte) {
        if (names == null || names.isEmpty()) {
            return q;
        }
        if (names.size() != q.columns().length) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "WITH query " + cte + " has " + q.columns().length
                    + " columns but " + names.size() + " names were given");
        }
        OutputColumn[] columns = new OutputColumn[names.size()];
        for (int i = 0; i < columns.length; i++) {
            String n = Names.normalize(names.get(i).getExpression().toString());
            OutputColumn c = q.columns()[i];
            columns[i] = new OutputColumn(n, n, "", "", c.type(), c.nullable());
        }
        return new SelectBinder.BoundQuery(q.relation(), columns, q.correlated());
    }
}
