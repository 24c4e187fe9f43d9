package io.recall.parser.expr;

import io.recall.parser.types.ColumnType;
import io.recall.parser.types.Values;

/** {@code = <> < <= > >=} with SQL NULL semantics: NULL on either side gives NULL. */
public record Comparison(Op op, Expr left, Expr right) implements Expr {
    public enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public Op mirrored() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }

        /** The comparison of two non-null values; = and <> by SQL equality, which every type has. */
        public boolean holds(Object a, Object b) {
            return switch (this) {
                case EQ -> Values.equal(a, b);
                case NE -> !Values.equal(a, b);
                default -> test(Values.compare(a, b));
            };
        }

        public boolean test(int c) {
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object a = left.eval(row, ctx);
        if (a == null) {
            return null;
        }
        Object b = right.eval(row, ctx);
        if (b == null) {
            return null;
        }
        if (op == Op.EQ) {
            return Values.equal(a, b);
        }
        if (op == Op.NE) {
            return !Values.equal(a, b);
        }
        return op.test(Values.compare(a, b));
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{left, right};
    }
}
