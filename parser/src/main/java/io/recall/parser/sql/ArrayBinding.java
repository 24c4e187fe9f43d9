package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.ArrayElement;
import io.recall.parser.expr.ArrayQuantified;
import io.recall.parser.expr.Builtin;
import io.recall.parser.expr.Cardinality;
import io.recall.parser.expr.Comparison;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Literal;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;

/** Binds the array forms: {@code ARRAY[...]}, {@code a[i]}, {@code x op ANY/ALL (a)} and CARDINALITY. */
final class ArrayBinding {
    private ArrayBinding() {
    }

    static Expr constructor(ArrayConstructor c, ExpressionBinder binder) {
        if (c.getDataType() != null || !c.isArrayKeyword()) {
            throw RecallException.notSupported("The array constructor " + ExpressionBinder.abbreviate(c.toString())
                    + " (write ARRAY[...])");
        }
        int n = c.getExpressions() == null ? 0 : c.getExpressions().size();
        Expr[] items = new Expr[n];
        ColumnType[] types = new ColumnType[n];
        for (int i = 0; i < n; i++) {
            items[i] = binder.bind(c.getExpressions().get(i));
            types[i] = items[i].type();
            SqlType t = types[i].type();
            if (t == SqlType.ARRAY || t == SqlType.JSON || t == SqlType.JAVA_OBJECT) {
                throw RecallException.notSupported("An array of " + t.sqlName() + " values");
            }
        }
        ColumnType element = Builtin.common(types);
        for (int i = 0; i < n; i++) {
            SqlType t = types[i].type();
            if (t != SqlType.UNKNOWN && t != element.type() && !(t.isNumeric() && element.type().isNumeric())
                    && !(t.isString() && element.type().isString())) {
                throw new RecallException(ErrorCode.TYPE_MISMATCH, "ARRAY elements of types " + element.sqlName()
                        + " and " + types[i].sqlName() + " cannot be matched");
            }
            ExpressionBinder.inferParameter(items[i], element);
        }
        io.recall.parser.expr.ArrayConstructor e = new io.recall.parser.expr.ArrayConstructor(items,
                ColumnType.arrayOf(element, 0));
        return e.isConstant() ? new Literal(e.eval(null, null), e.type()) : e;
    }

    /** {@code col[i]}: JSqlParser hangs the subscript on the column. */
    static Expr subscriptedColumn(Column c, ExpressionBinder binder) {
        ArrayConstructor subscript = c.getArrayConstructor();
        if (subscript.getExpressions() == null || subscript.getExpressions().size() != 1) {
            throw RecallException.notSupported("The subscript " + subscript + " (one index: a[i])");
        }
        Column plain = new Column(c.getTable(), c.getColumnName());
        return element(binder.bind(plain), subscript.getExpressions().get(0), binder, c);
    }

    static Expr element(ArrayExpression a, ExpressionBinder binder) {
        if (a.getIndexExpression() == null) {
            throw RecallException.notSupported("Array slices (" + ExpressionBinder.abbreviate(a.toString()) + ")");
        }
        return element(binder.bind(a.getObjExpression()), a.getIndexExpression(), binder, a);
    }

    private static Expr element(Expr array, Expression index, ExpressionBinder binder, Object whole) {
        if (index.getClass().getSimpleName().contains("Range")) {
            throw RecallException.notSupported("Array slices (" + ExpressionBinder.abbreviate(whole.toString()) + ")");
        }
        if (array.type().type() != SqlType.ARRAY) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH, "Cannot subscript a value of type "
                    + array.type().sqlName() + ": " + ExpressionBinder.abbreviate(whole.toString()));
        }
        Expr i = binder.bind(index);
        ExpressionBinder.inferParameter(i, ColumnType.INTEGER);
        if (!i.type().type().isExactInteger() && i.type().type() != SqlType.UNKNOWN) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH, "An array subscript must be an integer, not "
                    + i.type().sqlName());
        }
        return new ArrayElement(array, i, array.type().element());
    }

    /** {@code x op ANY (a)}, {@code x op ALL (a)} over an array value. */
    static Expr quantified(Expr operand, Comparison.Op op, boolean all, Expr array) {
        ExpressionBinder.inferParameter(array, operand.type().type() == SqlType.UNKNOWN
                ? ColumnType.arrayOf(ColumnType.UNKNOWN, 0) : ColumnType.arrayOf(operand.type(), 0));
        if (array.type().type() != SqlType.ARRAY) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH, "ANY and ALL take a subquery or an array, not "
                    + array.type().sqlName());
        }
        ExpressionBinder.inferParameter(operand, array.type().element());
        if (op != Comparison.Op.EQ && op != Comparison.Op.NE) {
            ExpressionBinder.requireOrderable(op.symbol(), operand);
        }
        return new ArrayQuantified(operand, op, all, array);
    }

    static Expr cardinality(Expr array) {
        if (array.type().type() != SqlType.ARRAY && array.type().type() != SqlType.UNKNOWN) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Function CARDINALITY("
                    + array.type().sqlName() + ") does not exist");
        }
        return new Cardinality(array);
    }
}
