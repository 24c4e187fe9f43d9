package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.JsonAccess;
import io.recall.parser.expr.JsonValueFunction;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionExpression;
import net.sf.jsqlparser.expression.JsonFunctionType;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

import java.util.Map;

/** Binds the JSON operators {@code ->} and {@code ->>} and the function JSON_VALUE. */
final class JsonBinding {
    private JsonBinding() {
    }

    /** {@code doc -> k1 ->> k2 ...}, and whatever JSqlParser hung on its last key (see {@link #leftToRight}). */
    static Expr access(JsonExpression j, ExpressionBinder binder) {
        Expression e = leftToRight(j);
        if (!(e instanceof JsonExpression step)) {
            return binder.bind(e);
        }
        Map.Entry<Expression, String> only = step.getIdentList().get(0);
        String op = only.getValue();
        if (!op.equals("->") && !op.equals("->>")) {
            throw RecallException.notSupported("The JSON operator " + op);
        }
        Expr document = document(binder.bind(step.getExpression()), j);
        Expr key = binder.bind(only.getKey());
        ExpressionBinder.inferParameter(key, ColumnType.VARCHAR);
        SqlType k = key.type().type();
        if (!k.isString() && !k.isExactInteger() && k != SqlType.UNKNOWN) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH,
                    "A JSON key must be text or an integer, not " + k.sqlName());
        }
        return new JsonAccess(document, key, op.equals("->>"));
    }

    /**
     * JSqlParser reads {@code j -> 'a' ->> 'b' = 'x'} as {@code j -> ('a' ->> ('b' = 'x'))}: a chain nests to
     * the right, and the last key swallows the operators after it. PostgreSQL reads {@code ->} and {@code ->>}
     * from the left, binding tighter than comparisons, LIKE, IN, AND and OR, so the tree is rebuilt as
     * {@code ((j -> 'a') ->> 'b') = 'x'}: each key's leftmost operand is the key, the rest applies to the result.
     * Every JsonExpression in the result has one step and a plain key.
     */
    static Expression leftToRight(JsonExpression j) {
        Expression current = j.getExpression();
        for (Map.Entry<Expression, String> step : j.getIdentList()) {
            current = apply(current, step.getValue(), step.getKey(), j);
        }
        return current;
    }

    private static Expression apply(Expression document, String op, Expression key, JsonExpression whole) {
        if (key instanceof JsonExpression inner) {
            Expression current = apply(document, op, inner.getExpression(), whole);
            for (Map.Entry<Expression, String> step : inner.getIdentList()) {
                current = apply(current, step.getValue(), step.getKey(), whole);
            }
            return current;
        }
        if (key instanceof BinaryExpression b) {
            b.setLeftExpression(apply(document, op, b.getLeftExpression(), whole));
            return b;
        }
        if (key instanceof IsNullExpression n) {
            n.setLeftExpression(apply(document, op, n.getLeftExpression(), whole));
            return n;
        }
        if (key instanceof InExpression in) {
            in.setLeftExpression(apply(document, op, in.getLeftExpression(), whole));
            return in;
        }
        if (key instanceof Between b) {
            b.setLeftExpression(apply(document, op, b.getLeftExpression(), whole));
            return b;
        }
        JsonExpression step = new JsonExpression(document);
        step.addIdent(simpleKey(key, whole), op);
        return step;
    }

    private static Expression simpleKey(Expression key, JsonExpression whole) {
        if (key instanceof StringValue || key instanceof LongValue || key instanceof JdbcParameter
                || key instanceof Column || key instanceof Parenthesis || key instanceof ParenthesedExpressionList<?>
                || key instanceof SignedExpression s && s.getExpression() instanceof LongValue
                || key instanceof CastExpression || key instanceof Function) {
            return key;
        }
        throw new RecallException(ErrorCode.SYNTAX_ERROR, "A JSON key must be a literal, a parameter, a column or"
                + " in parentheses: " + ExpressionBinder.abbreviate(whole.toString()));
    }

    /** A JSON operand: a JSON value, or text read as JSON (a literal or a parameter, say). */
    private static Expr document(Expr e, Object where) {
        ExpressionBinder.inferParameter(e, ColumnType.JSON);
        SqlType t = e.type().type();
        if (t != SqlType.JSON && !t.isString() && t != SqlType.UNKNOWN) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND,
                    "A JSON operator cannot take a " + t.sqlName() + " value: "
                            + ExpressionBinder.abbreviate(where.toString()));
        }
        return e;
    }

    static Expr function(JsonFunction f, ExpressionBinder binder) {
        if (f.getType() != JsonFunctionType.VALUE) {
            throw RecallException.notSupported("The function " + ExpressionBinder.abbreviate(f.toString())
                    + " (of the SQL/JSON functions, JSON_VALUE is supported)");
        }
        if (f.getOnEmptyBehavior() != null || f.getOnErrorBehavior() != null || !f.getPassingExpressions().isEmpty()
                || f.isStrict() || f.getReturningEncoding() != null || f.isReturningFormatJson()) {
            throw RecallException.notSupported("JSON_VALUE with ON EMPTY, ON ERROR, PASSING or FORMAT clauses");
        }
        JsonFunctionExpression input = f.getInputExpression();
        if (input == null || f.getJsonPathExpression() == null) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "JSON_VALUE needs a JSON value and a path");
        }
        if (input.isUsingFormatJson()) {
            throw RecallException.notSupported("JSON_VALUE with FORMAT JSON");
        }
        Expr doc = document(binder.bind(input.getExpression()), f);
        Expr path = binder.bind(f.getJsonPathExpression());
        ExpressionBinder.inferParameter(path, ColumnType.VARCHAR);
        if (!path.type().type().isString() && path.type().type() != SqlType.UNKNOWN) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH, "A JSON path must be text");
        }
        ColumnType returning = f.getReturningType() == null ? ColumnType.VARCHAR
                : TypeNames.parse(f.getReturningType().toString()).type();
        if (returning.type() == SqlType.JSON) {
            throw RecallException.notSupported("JSON_VALUE RETURNING JSON (JSON_VALUE returns a scalar)");
        }
        return new JsonValueFunction(doc, path, returning);
    }
}
