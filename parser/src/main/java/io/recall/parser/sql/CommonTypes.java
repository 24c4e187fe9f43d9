package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.CastExpr;
import io.recall.parser.expr.ColumnRef;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.Literal;
import io.recall.parser.query.Project;
import io.recall.parser.query.Relation;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;
import io.recall.parser.expr.Arithmetic;

import java.util.List;

/**
 * The column types of rows that meet in one column (UNION branches, VALUES rows, the two parts
 * of a recursive CTE): numbers widen to a common numeric type and are cast to it, text stays
 * text, and other mixes are refused (42804) rather than returning values of two types.
 */
final class CommonTypes {
    private CommonTypes() {
    }

    /** The common type of each column; {@code what} names the construct in errors. */
    static ColumnType[] of(List<ColumnType[]> branches, String what) {
        int width = branches.get(0).length;
        ColumnType[] common = new ColumnType[width];
        for (int c = 0; c < width; c++) {
            ColumnType result = ColumnType.UNKNOWN;
            for (ColumnType[] branch : branches) {
                result = combine(result, branch[c], what);
            }
            common[c] = result;
        }
        return common;
    }

    private static ColumnType combine(ColumnType a, ColumnType b, String what) {
        SqlType x = a.type();
        SqlType y = b.type();
        if (x == SqlType.UNKNOWN) {
            return b;
        }
        if (y == SqlType.UNKNOWN || a.equals(b)) {
            return a;
        }
        if (x.isNumeric() && y.isNumeric()) {
            return Arithmetic.resultType(a, b);
        }
        if (x.isString() && y.isString()) {
            return x == y ? ColumnType.of(x) : ColumnType.VARCHAR;
        }
        if (x == y) {
            return ColumnType.of(x);
        }
        throw new RecallException(ErrorCode.TYPE_MISMATCH,
                what + " types " + x.sqlName() + " and " + y.sqlName() + " cannot be matched");
    }

    /** The relation with each numeric column cast to the common type where its own type differs. */
    static Relation castTo(Relation r, ColumnType[] have, ColumnType[] want) {
        Expr[] exprs = new Expr[have.length];
        boolean any = false;
        for (int i = 0; i < exprs.length; i++) {
            exprs[i] = cast(new ColumnRef(i, "C" + (i + 1), have[i]), want[i]);
            any |= exprs[i] instanceof CastExpr;
        }
        return any ? new Project(r, exprs) : r;
    }

    /** {@code e} cast to {@code want} when both are numeric of different types, else {@code e}. */
    static Expr cast(Expr e, ColumnType want) {
        SqlType have = e.type().type();
        if (have != want.type() && have.isNumeric() && want.type().isNumeric()) {
            return e instanceof Literal lit ? new Literal(io.recall.parser.types.Cast.explicit(lit.value(),
                    ColumnType.of(want.type())), ColumnType.of(want.type()))
                    : new CastExpr(e, ColumnType.of(want.type()));
        }
        return e;
    }
}
