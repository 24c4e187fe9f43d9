package io.recall.parser.sql;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.DeletePlan;
import io.recall.parser.plan.InsertPlan;
import io.recall.parser.plan.UpdatePlan;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayList;
import java.util.List;

/** Binds INSERT ... VALUES, UPDATE and DELETE on one table. */
final class DmlBinder {
    private final TableResolver tables;
    private final ParameterRegistry parameters;

    DmlBinder(TableResolver tables, ParameterRegistry parameters) {
        this.tables = tables;
        this.parameters = parameters;
    }

    InsertPlan insert(Insert insert) {
        if (insert.getConflictAction() != null || insert.isUseDuplicate() || insert.getReturningClause() != null
                || insert.getWithItemsList() != null || insert.isUseSet() || insert.isModifierIgnore()
                || insert.getOutputClause() != null) {
            throw RecallException.notSupported("This form of INSERT (upsert, RETURNING, SET or WITH)");
        }
        TableDef table = tables.requireWritable(insert.getTable());
        int[] columns = targetColumns(table, insert.getColumns());
        Select source = insert.getSelect();
        SelectBinder queries = new SelectBinder(tables, parameters);
        if (!(source instanceof Values values)) {
            SelectBinder.BoundQuery q = queries.query(source, null);
            if (q.columns().length != columns.length) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR, "INSERT into " + table.name() + " names "
                        + columns.length + " columns but the query returns " + q.columns().length);
            }
            return new InsertPlan(table, columns, new Expr[0][], q.relation());
        }
        ExpressionBinder binder = new ExpressionBinder(new Scope(null), parameters, queries);
        List<Expr[]> rows = new ArrayList<>();
        ExpressionList<?> list = values.getExpressions();
        boolean singleRow = !list.isEmpty() && !(list.get(0) instanceof ExpressionList<?>);
        if (singleRow) {
            rows.add(row(binder, table, columns, list));
        } else {
            for (Expression e : list) {
                if (!(e instanceof ExpressionList<?> rowList)) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "Malformed VALUES row: " + e);
                }
                rows.add(row(binder, table, columns, rowList));
            }
        }
        return new InsertPlan(table, columns, rows.toArray(new Expr[0][]), null);
    }

    private static int[] targetColumns(TableDef table, ExpressionList<Column> listed) {
        if (listed == null || listed.isEmpty()) {
            int[] all = new int[table.columnCount()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] columns = new int[listed.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columnIndex(table, listed.get(i));
            for (int j = 0; j < i; j++) {
                if (columns[j] == columns[i]) {
                    throw new RecallException(ErrorCode.DUPLICATE_COLUMN,
                            "Column " + table.column(columns[i]).name() + " is listed twice");
                }
            }
        }
        return columns;
    }

    private static int columnIndex(TableDef table, Column c) {
        String name = Names.normalize(c.getColumnName());
        int i = table.columnIndex(name);
        if (i < 0) {
            throw new RecallException(ErrorCode.COLUMN_NOT_FOUND,
                    "Column " + name + " not found in table " + table.name());
        }
        return i;
    }

    private static Expr[] row(ExpressionBinder binder, TableDef table, int[] columns, ExpressionList<?> values) {
        if (values.size() != columns.length) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "INSERT has " + columns.length
                    + " target columns but " + values.size() + " values");
        }
        Expr[] row = new Expr[columns.length];
        for (int i = 0; i < row.length; i++) {
            Expression e = values.get(i);
            if (isDefaultKeyword(e)) {
                row[i] = null;
                continue;
            }
            row[i] = binder.bind(e);
            ExpressionBinder.inferParameter(row[i], table.column(columns[i]).type());
        }
        return row;
    }

    private static boolean isDefaultKeyword(Expression e) {
        return e instanceof Column c && c.getTable() == null && "DEFAULT".equalsIgnoreCase(c.getColumnName());
    }

    UpdatePlan update(Update update) {
        if (update.getStartJoins() != null && !update.getStartJoins().isEmpty()
                || update.getFromItem() == null && update.getJoins() != null && !update.getJoins().isEmpty()
                || update.getReturningClause() != null || update.getWithItemsList() != null
                || update.getOrderByElements() != null || update.getLimit() != null) {
            throw RecallException.notSupported("This form of UPDATE (joins before SET, RETURNING, ORDER BY or LIMIT)");
        }
        TableDef table = tables.requireWritable(update.getTable());
        String alias = update.getTable().getAlias() == null ? null : Names.normalize(update.getTable().getAlias().getName());
        SelectBinder queries = new SelectBinder(tables, parameters);
        Scope target = Scope.ofTable(table, alias);
        ExpressionBinder binder = new ExpressionBinder(target, parameters, queries);
        JoinedDml joined = update.getFromItem() == null ? null
                : new JoinedDml(queries, target, update.getFromItem(), update.getJoins(), update.getWhere());
        List<Integer> columns = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (UpdateSet set : update.getUpdateSets()) {
            ExpressionList<?> targets = set.getColumns();
            ExpressionList<?> sources = set.getValues();
            if (sources.size() == 1 && sources.get(0) instanceof ParenthesedExpressionList<?> inner && targets.size() > 1) {
                sources = inner;
            }
            if (targets.size() != sources.size()) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR, "UPDATE SET lists " + targets.size()
                        + " columns but " + sources.size() + " values");
            }
            for (int i = 0; i < targets.size(); i++) {
                if (!(targets.get(i) instanceof Column c)) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "UPDATE SET target is not a column: " + targets.get(i));
                }
                int index = columnIndex(table, c);
                if (columns.contains(index)) {
                    throw new RecallException(ErrorCode.DUPLICATE_COLUMN,
                            "Column " + table.column(index).name() + " is assigned twice");
                }
                columns.add(index);
                Expression source = sources.get(i);
                Expr value = isDefaultKeyword(source) ? null
                        : joined != null ? joined.value(source) : binder.bind(source);
                if (value != null) {
                    ExpressionBinder.inferParameter(value, table.column(index).type());
                } else {
                    Expr def = table.column(index).defaultValue();
                    value = def != null ? def : io.recall.parser.expr.Literal.NULL;
                }
                values.add(value);
            }
        }
        Expr where = joined != null ? joined.matches()
                : update.getWhere() == null ? null : binder.predicate(update.getWhere());
        return new UpdatePlan(table, columns.stream().mapToInt(Integer::intValue).toArray(),
                values.toArray(new Expr[0]), where);
    }

    DeletePlan delete(Delete delete) {
        if (delete.getJoins() != null && !delete.getJoins().isEmpty()
                || delete.getTables() != null && !delete.getTables().isEmpty()
                || delete.getReturningClause() != null || delete.getWithItemsList() != null
                || delete.getOrderByElements() != null || delete.getLimit() != null) {
            throw RecallException.notSupported("This form of DELETE (joins, RETURNING, ORDER BY or LIMIT)");
        }
        TableDef table = tables.requireWritable(delete.getTable());
        String alias = delete.getTable().getAlias() == null ? null : Names.normalize(delete.getTable().getAlias().getName());
        SelectBinder queries = new SelectBinder(tables, parameters);
        Scope target = Scope.ofTable(table, alias);
        List<Table> using = delete.getUsingList();
        if (using != null && !using.isEmpty()) {
            List<net.sf.jsqlparser.statement.select.Join> rest = new ArrayList<>();
            for (Table t : using.subList(1, using.size())) {
                net.sf.jsqlparser.statement.select.Join j = new net.sf.jsqlparser.statement.select.Join();
                j.setSimple(true);
                j.setFromItem(t);
                rest.add(j);
            }
            return new DeletePlan(table, new JoinedDml(queries, target, using.get(0), rest, delete.getWhere()).matches());
        }
        ExpressionBinder binder = new ExpressionBinder(target, parameters, queries);
        Expr where = delete.getWhere() == null ? null : binder.predicate(delete.getWhere());
        return new DeletePlan(table, where);
    }
}
