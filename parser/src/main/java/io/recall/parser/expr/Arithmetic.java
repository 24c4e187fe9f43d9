package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * {@code + - * / %} over numbers. Integers stay integers (INTEGER overflows into an error, not
 * into BIGINT silently), division of integers truncates, any DECIMAL makes the result exact
 * decimal, any floating operand makes it DOUBLE. DATE plus or minus an integer counts days.
 */
public record Arithmetic(Op op, Expr left, Expr right, ColumnType type) implements Expr {
    public enum Op { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO }

    public static ColumnType resultType(ColumnType a, ColumnType b) {
        SqlType x = numericKind(a.type());
        SqlType y = numericKind(b.type());
        if (a.type() == SqlType.DATE || b.type() == SqlType.DATE) {
            return ColumnType.DATE;
        }
        if (x == SqlType.UNKNOWN) {
            return y == SqlType.UNKNOWN ? ColumnType.UNKNOWN : ColumnType.of(y);
        }
        if (y == SqlType.UNKNOWN) {
            return ColumnType.of(x);
        }
        return ColumnType.of(x.ordinal() >= y.ordinal() ? x : y);
    }

    private static SqlType numericKind(SqlType t) {
        if (t == SqlType.SMALLINT) {
            return SqlType.INTEGER;
        }
        return t.isNumeric() ? t : SqlType.UNKNOWN;
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
        return apply(op, a, b);
    }

    public static Object apply(Op op, Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) {
            long r = integral(op, x, y);
            if (r < Integer.MIN_VALUE || r > Integer.MAX_VALUE) {
                throw overflow("INTEGER");
            }
            return (int) r;
        }
        if (a instanceof LocalDate d && (op == Op.ADD || op == Op.SUBTRACT) && isIntegral(b)) {
            long days = ((Number) b).longValue();
            return op == Op.ADD ? d.plusDays(days) : d.minusDays(days);
        }
        if (b instanceof LocalDate d && op == Op.ADD && isIntegral(a)) {
            return d.plusDays(((Number) a).longValue());
        }
        if (a instanceof LocalDate d1 && b instanceof LocalDate d2 && op == Op.SUBTRACT) {
            return (int) (d1.toEpochDay() - d2.toEpochDay());
        }
        Number x = number(a);
        Number y = number(b);
        if (isIntegral(x) && isIntegral(y)) {
            return integral(op, x.longValue(), y.longValue());
        }
        if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
            return floating(op, x.doubleValue(), y.doubleValue());
        }
        return decimal(op, Cast.toDecimal(x), Cast.toDecimal(y));
    }

    private static boolean isIntegral(Object n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static Number number(Object v) {
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof String s) {
            String t = s.trim();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return Cast.toDecimal(t);
            }
        }
        if (v instanceof Boolean) {
            throw new RecallException(ErrorCode.TYPE_MISMATCH, "Arithmetic on a BOOLEAN value");
        }
        throw Cast.cannotCast(v, "a number");
    }

    private static long integral(Op op, long x, long y) {
        try {
            return switch (op) {
                case ADD -> Math.addExact(x, y);
                case SUBTRACT -> Math.subtractExact(x, y);
                case MULTIPLY -> Math.multiplyExact(x, y);
                case DIVIDE -> {
                    if (y == 0) {
                        throw divisionByZero();
                    }
                    if (x == Long.MIN_VALUE && y == -1) {
                        throw overflow("BIGINT");
                    }
                    yield x / y;
                }
                case MODULO -> {
                    if (y == 0) {
                        throw divisionByZero();
                    }
                    yield y == -1 ? 0 : x % y;
                }
            };
        } catch (ArithmeticException e) {
            throw overflow("BIGINT");
        }
    }

    private static double floating(Op op, double x, double y) {
        double r = switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> {
                if (y == 0) {
                    throw divisionByZero();
                }
                yield x / y;
            }
            case MODULO -> {
                if (y == 0) {
                    throw divisionByZero();
                }
                yield x % y;
            }
        };
        if (Double.isInfinite(r) || Double.isNaN(r)) {
            throw overflow("DOUBLE PRECISION");
        }
        return r;
    }

    private static BigDecimal decimal(Op op, BigDecimal x, BigDecimal y) {
        return switch (op) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            case DIVIDE -> {
                if (y.signum() == 0) {
                    throw divisionByZero();
                }
                BigDecimal q = x.divide(y, MathContext.DECIMAL128);
                int minScale = Math.max(x.scale(), y.scale());
                BigDecimal stripped = q.stripTrailingZeros();
                yield stripped.scale() < minScale ? q.setScale(minScale, RoundingMode.HALF_UP) : stripped;
            }
            case MODULO -> {
                if (y.signum() == 0) {
                    throw divisionByZero();
                }
                yield x.remainder(y);
            }
        };
    }

    private static RecallException divisionByZero() {
        return new RecallException(ErrorCode.DIVISION_BY_ZERO, "Division by zero");
    }

    private static RecallException overflow(String type) {
        return new RecallException(ErrorCode.NUMERIC_OUT_OF_RANGE, "Numeric value out of range for " + type);
    }

    @Override
    public Expr[] children() {
        return new Expr[]{left, right};
    }
}
