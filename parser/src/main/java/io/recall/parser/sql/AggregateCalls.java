package io.recall.parser.sql;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the aggregate calls of an expression: outside subqueries (they aggregate their own rows),
 * and including those inside window-function arguments ({@code RANK() OVER (ORDER BY SUM(x))}),
 * while the window call itself is not one.
 */
final class AggregateCalls extends SafeExpressionVisitor<Void> {
    private final List<Function> found = new ArrayList<>();

    private AggregateCalls() {
    }

    static List<Function> in(Expression e) {
        AggregateCalls calls = new AggregateCalls();
        e.accept(calls, null);
        return calls.found;
    }

    @Override
    public <S> Void visit(Function f, S context) {
        if (f.getName() != null && ExpressionBinder.isAggregate(f.getName().toUpperCase(Locale.ROOT))) {
            found.add(f);
            return null;
        }
        return super.visit(f, context);
    }

    @Override
    public <S> Void visit(AnalyticExpression a, S context) {
        if (a.getExpression() != null) {
            a.getExpression().accept(this, context);
        }
        if (a.getPartitionExpressionList() != null) {
            for (Object p : a.getPartitionExpressionList()) {
                ((Expression) p).accept(this, context);
            }
        }
        if (a.getOrderByElements() != null) {
            for (OrderByElement el : a.getOrderByElements()) {
                el.getExpression().accept(this, context);
            }
        }
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect s, S context) {
        return null;
    }

    @Override
    public <S> Void visit(Select s, S context) {
        return null;
    }
}
