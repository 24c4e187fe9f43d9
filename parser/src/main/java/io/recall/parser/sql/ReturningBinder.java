package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.plan.OutputColumn;
import io.recall.parser.plan.Returning;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds the RETURNING clause of INSERT, UPDATE and DELETE over the written table's row: {@code *},
 * {@code t.*}, and any expression with an optional alias, labelled as a select list would be.
 */
final class ReturningBinder {
    private ReturningBinder() {
    }

    /** The bound clause, or null when there is none. */
    static Returning bind(ReturningClause clause, Scope target, ParameterRegistry parameters, SelectBinder queries) {
        if (clause == null) {
            return null;
        }
        if (clause.getDataItems() != null && !clause.getDataItems().isEmpty()
                || clause.getOutputAliases() != null && !clause.getOutputAliases().isEmpty()) {
            throw RecallException.notSupported("RETURNING ... INTO and RETURNING WITH (OLD/NEW AS ...)");
        }
        Scope.Entry table = target.entries().get(0);
        ExpressionBinder binder = new ExpressionBinder(target, parameters, queries);
        List<OutputColumn> columns = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (SelectItem<?> item : clause) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns atc) {
                String q = Names.normalize(atc.getTable().getName());
                String schema = atc.getTable().getSchemaName() == null ? null
                        : Names.normalize(atc.getTable().getSchemaName());
                if (!table.matches(schema, q)) {
                    throw new RecallException(ErrorCode.TABLE_NOT_FOUND, "Table or alias " + q
                            + " is not the table written by the statement");
                }
                expand(table, columns, values);
            } else if (e instanceof AllColumns) {
                expand(table, columns, values);
            } else {
                Expr x = binder.bind(e);
                String label = item.getAlias() != null ? Names.normalize(item.getAlias().getName())
                        : e instanceof Column c ? Names.normalize(c.getColumnName()) : e.toString();
                boolean plainColumn = e instanceof Column && x instanceof ColumnRef;
                int column = plainColumn ? ((ColumnRef) x).index() : -1;
                columns.add(SelectBinder.describe(label, x, plainColumn ? table : null, column));
                values.add(x);
            }
        }
        return new Returning(columns.toArray(new OutputColumn[0]), values.toArray(new Expr[0]));
    }

    private static void expand(Scope.Entry table, List<OutputColumn> columns, List<Expr> values) {
        for (int i = 0; i < table.names().length; i++) {
            ColumnRef ref = new ColumnRef(i, table.names()[i], table.types()[i]);
            columns.add(SelectBinder.describe(table.names()[i], ref, table, i));
            values.add(ref);
        }
    }
}
