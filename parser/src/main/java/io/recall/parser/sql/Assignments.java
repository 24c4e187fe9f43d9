package io.recall.parser.sql;

import io.recall.parser.catalog.TableDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Literal;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.update.UpdateSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The SET list of UPDATE, of ON CONFLICT DO UPDATE, ON DUPLICATE KEY UPDATE and of MERGE's WHEN
 * MATCHED THEN UPDATE: {@code values[i]} goes to column {@code columns[i]}. {@code (a, b) = (x, y)}
 * is spread out; DEFAULT becomes the column's default (or NULL).
 */
record Assignments(int[] columns, Expr[] values) {
    static Assignments bind(TableDef table, List<UpdateSet> sets, Function<Expression, Expr> binder) {
        List<Integer> columns = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (UpdateSet set : sets) {
            ExpressionList<?> targets = set.getColumns();
            ExpressionList<?> sources = set.getValues();
            if (sources.size() == 1 && sources.get(0) instanceof ParenthesedExpressionList<?> inner && targets.size() > 1) {
                sources = inner;
            }
            if (targets.size() != sources.size()) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR, "SET lists " + targets.size()
                        + " columns but " + sources.size() + " values");
            }
            for (int i = 0; i < targets.size(); i++) {
                if (!(targets.get(i) instanceof Column c)) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "SET target is not a column: " + targets.get(i));
                }
                int index = DmlBinder.columnIndex(table, c);
                if (columns.contains(index)) {
                    throw new RecallException(ErrorCode.DUPLICATE_COLUMN,
                            "Column " + table.column(index).name() + " is assigned twice");
                }
                columns.add(index);
                Expression source = sources.get(i);
                Expr value = DmlBinder.isDefaultKeyword(source) ? null : binder.apply(source);
                if (value != null) {
                    ExpressionBinder.inferParameter(value, table.column(index).type());
                } else {
                    Expr def = table.column(index).defaultValue();
                    value = def != null ? def : Literal.NULL;
                }
                values.add(value);
            }
        }
        return new Assignments(columns.stream().mapToInt(Integer::intValue).toArray(), values.toArray(new Expr[0]));
    }
}
