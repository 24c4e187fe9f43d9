package io.recall.parser.sql;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.DeletePlan;
import io.recall.parser.plan.InsertPlan;
import io.recall.parser.plan.Returning;
import io.recall.parser.plan.UpdatePlan;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayList;
import java.util.List;

/** Binds INSERT, UPDATE and DELETE on one table (with RETURNING; upserts through {@link UpsertBinder}). */
final class DmlBinder {
    private final TableResolver tables;
    private final ParameterRegistry parameters;

    DmlBinder(TableResolver tables, ParameterRegistry parameters) {
        this.tables = tables;
        this.parameters = parameters;
    }

    InsertPlan insert(Insert insert) {
        if (insert.getWithItemsList() != null || insert.isUseSet() || insert.isModifierIgnore()
                || insert.getOutputClause() != null || insert.isOracleMultiInsert()
                || insert.getSelect() == null && !insert.isOnlyDefaultValues()) {
            throw RecallException.notSupported("This form of INSERT (SET, WITH, IGNORE, OUTPUT or multi-table)");
        }
        TableDef table = tables.requireWritable(insert.getTable());
        String alias = insert.getTable().getAlias() == null ? null : Names.normalize(insert.getTable().getAlias().getName());
        SelectBinder queries = new SelectBinder(tables, parameters);
        if (insert.isOnlyDefaultValues()) {
            return new InsertPlan(table, new int[0], new Expr[][]{new Expr[0]}, null,
                    new UpsertBinder(tables, parameters, queries).bind(insert, table, alias),
                    returning(insert.getReturningClause(), table, alias, queries));
        }
        int[] columns = targetColumns(table, insert.getColumns());
        Select source = insert.getSelect();
        if (!(source instanceof Values values)) {
            SelectBinder.BoundQuery q = queries.query(source, null);
            if (q.columns().length != columns.length) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR, "INSERT into " + table.name() + " names "
                        + columns.length + " columns but the query returns " + q.columns().length);
            }
            return new InsertPlan(table, columns, new Expr[0][], q.relation(),
                    new UpsertBinder(tables, parameters, queries).bind(insert, table, alias),
                    returning(insert.getReturningClause(), table, alias, queries));
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
        return new InsertPlan(table, columns, rows.toArray(new Expr[0][]), null,
                new UpsertBinder(tables, parameters, queries).bind(insert, table, alias),
                returning(insert.getReturningClause(), table, alias, queries));
    }

    private Returning returning(ReturningClause clause, TableDef table, String alias, SelectBinder queries) {
        return ReturningBinder.bind(clause, Scope.ofTable(table, alias), parameters, queries);
    }

    static int[] targetColumns(TableDef table, ExpressionList<Column> listed) {
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

    static int columnIndex(TableDef table, Column c) {
        String name = Names.normalize(c.getColumnName());
        int i = table.columnIndex(name);
        if (i < 0) {
            throw new RecallException(ErrorCode.COLUMN_NOT_FOUND,
                    "Column " + name + " not found in table " + table.name());
        }
        return i;
    }

    static Expr[] row(ExpressionBinder binder, TableDef table, int[] columns, ExpressionList<?> values) {
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

    static boolean isDefaultKeyword(Expression e) {
        return e instanceof Column c && c.getTable() == null && "DEFAULT".equalsIgnoreCase(c.getColumnName());
    }

    UpdatePlan update(Update update) {
        if (update.getStartJoins() != null && !update.getStartJoins().isEmpty()
                || update.getFromItem() == null && update.getJoins() != null && !update.getJoins().isEmpty()
                || update.getWithItemsList() != null || update.getOutputClause() != null
                || update.getOrderByElements() != null || update.getLimit() != null) {
            throw RecallException.notSupported("This form of UPDATE (joins before SET, WITH, OUTPUT, ORDER BY or LIMIT)");
        }
        TableDef table = tables.requireWritable(update.getTable());
        String alias = update.getTable().getAlias() == null ? null : Names.normalize(update.getTable().getAlias().getName());
        SelectBinder queries = new SelectBinder(tables, parameters);
        Scope target = Scope.ofTable(table, alias);
        ExpressionBinder binder = new ExpressionBinder(target, parameters, queries);
        JoinedDml joined = update.getFromItem() == null ? null
                : new JoinedDml(queries, target, update.getFromItem(), update.getJoins(), update.getWhere());
        Assignments set = Assignments.bind(table, update.getUpdateSets(), joined != null ? joined::value : binder::bind);
        Expr where = joined != null ? joined.matches()
                : update.getWhere() == null ? null : binder.predicate(update.getWhere());
        return new UpdatePlan(table, set.columns(), set.values(), where,
                ReturningBinder.bind(update.getReturningClause(), target, parameters, queries));
    }

    DeletePlan delete(Delete delete) {
        if (delete.getJoins() != null && !delete.getJoins().isEmpty()
                || delete.getTables() != null && !delete.getTables().isEmpty()
                || delete.getWithItemsList() != null || delete.getOutputClause() != null
                || delete.getOrderByElements() != null || delete.getLimit() != null) {
            throw RecallException.notSupported("This form of DELETE (joins, WITH, OUTPUT, ORDER BY or LIMIT)");
        }
        TableDef table = tables.requireWritable(delete.getTable());
        String alias = delete.getTable().getAlias() == null ? null : Names.normalize(delete.getTable().getAlias().getName());
        SelectBinder queries = new SelectBinder(tables, parameters);
        Scope target = Scope.ofTable(table, alias);
        Returning returning = ReturningBinder.bind(delete.getReturningClause(), target, parameters, queries);
        List<Table> using = delete.getUsingList();
        if (using != null && !using.isEmpty()) {
            List<net.sf.jsqlparser.statement.select.Join> rest = new ArrayList<>();
            for (Table t : using.subList(1, using.size())) {
                net.sf.jsqlparser.statement.select.Join j = new net.sf.jsqlparser.statement.select.Join();
                j.setSimple(true);
                j.setFromItem(t);
                rest.add(j);
            }
            return new DeletePlan(table, new JoinedDml(queries, target, using.get(0), rest, delete.getWhere()).matches(),
                    returning);
        }
        ExpressionBinder binder = new ExpressionBinder(target, parameters, queries);
        Expr where = delete.getWhere() == null ? null : binder.predicate(delete.getWhere());
        return new DeletePlan(table, where, returning);
    }
}
