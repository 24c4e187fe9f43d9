package io.recall.parser.sql;

import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.TrimFunction;

/**
 * JSqlParser's visitor adapter, minus its crash on {@code TRIM(BOTH FROM s)}: JSqlParser 5.4 leaves the
 * characters to trim null there and its adapter visits them anyway. Recall's expression walkers extend this.
 */
class SafeExpressionVisitor<T> extends ExpressionVisitorAdapter<T> {
    @Override
    public <S> T visit(TrimFunction trim, S context) {
        if (trim.getExpression() != null) {
            trim.getExpression().accept(this, context);
        }
        if (trim.getFromExpression() != null) {
            trim.getFromExpression().accept(this, context);
        }
        return null;
    }
}
