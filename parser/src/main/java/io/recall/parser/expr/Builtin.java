package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.Values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The built-in scalar functions. Each knows its arity and result type; NULL-handling follows
 * the usual rule (any NULL argument gives NULL) except where the function exists to handle
 * NULLs (COALESCE and friends, CONCAT).
 */
public enum Builtin {
    UPPER(1, 1) {
        Object call(Object[] a, EvalContext ctx) {
            return Cast.toText(a[0]).toUpperCase(Locale.ROOT);
        }
    },
    LOWER(1, 1) {
        Object call(Object[] a, EvalContext ctx) {
            return Cast.toText(a[0]).toLowerCase(Locale.ROOT);
        }
    },
    LENGTH(1, 1) {
        Object call(Object[] a, EvalContext ctx) {
            return a[0] instanceof byte[] b ? (long) b.length : (long) Cast.toText(a[0]).length();
        }
    },
    SUBSTRING(2, 3) {
        Object call(Object[] a, EvalContext ctx) {
            String s = Cast.toText(a[0]);
            long start = Cast.toLong(a[1]);
            long end = a.length > 2 ? start + Cast.toLong(a[2]) : Long.MAX_VALUE;
            if (a.length > 2 && Cast.toLong(a[2]) < 0) {
                throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE, "Negative substring length");
            }
            long from = Math.max(start, 1);
            long to = Math.min(end, s.length() + 1L);
            return from >= to ? "" : s.substring((int) from - 1, (int) to - 1);
        }
    },
    TRIM(1, 2) {
        Object call(Object[] a, EvalContext ctx) {
            return trim(Cast.toText(a[0]), a.length > 1 ? Cast.toText(a[1]) : " ", true, true);
        }
    },
    LTRIM(1, 2) {
        Object call(Object[] a, EvalContext ctx) {
            return trim(Cast.toText(a[0]), a.length > 1 ? Cast.toText(a[1]) : " ", true, false);
        }
    },
    RTRIM(1, 2) {
        Object call(Object[] a, EvalContext ctx) {
            return trim(Cast.toText(a[0]), a.length > 1 ? Cast.toText(a[1]) : " ", false, true);
        }
    },
    REPLACE(3, 3) {
        Object call(Object[] a, EvalContext ctx) {
            return Cast.toText(a[0]).replace(Cast.toText(a[1]), Cast.toText(a[2]));
        }
    },
    POSITION(2, 2) {
        Object call(Object[] a, EvalContext ctx) {
            return (long) Cast.toText(a[1]).indexOf(Cast.toText(a[0])) + 1;
        }
    },
    LEFT(2, 2) {
        Object call(Object[] a, EvalContext ctx) {
            String s = Cast.toText(a[0]);
            long n = Math.max(0, Math.min(s.length(), Cast.toLong(a[1])));
            return s.substring(0, (int) n);
        }
    },
    RIGHT(2, 2) {
        Object call(Object[] a, EvalContext ctx) {
            String s = Cast.toText(a[0]);
            long n = Math.max(0, Math.min(s.length(), Cast.toLong(a[1])));
            return s.substring(s.length() - (int) n);
        }
    },
    CONCAT(1, Integer.MAX_VALUE) {
        Object call(Object[] a, EvalContext ctx) {
            StringBuilder sb = new StringBuilder();
            for (Object o : a) {
                if (o != null) {
                    sb.append(Cast.toText(o));
                }
            }
            return sb.toString();
        }

        @Override
        boolean nullIn() {
            return false;
        }
    },
    ABS(1, 1) {
        Object call(Object[] a, EvalContext ctx) {
            Object v = a[0];
            if (v instanceof Number n && Values.compare(n, 0) < 0) {
                return Negate.negate(v);
            }
            if (!(v instanceof Number)) {
                return Cast.toDecimal(v).abs();
            }
            return v;
        }
    },
    ROUND(1, 2) {
        Object call(Object[] a, EvalContext ctx) {
            int digits = a.length > 1 ? (int) Cast.toLong(a[1]) : 0;
            Object v = a[0];
            if (v instanceof Integer || v instanceof Long) {
                if (digits >= 0) {
                    return v;
                }
                return Cast.toDecimal(v).setScale(digits, RoundingMode.HALF_UP).setScale(0).longValueExact();
            }
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return d;
                }
                return new BigDecimal(Double.toString(d)).setScale(digits, RoundingMode.HALF_UP).doubleValue();
            }
            BigDecimal d = Cast.toDecimal(v).setScale(digits, RoundingMode.HALF_UP);
            return digits < 0 ? d.setScale(0) : d;
        }
    },
    CEIL(1, 1) {
        Object call(Object[] a, EvalContext ctx) {
            return rounded(a[0], RoundingMode.CEILING);
        }
    },
    FLOOR(1, 1) {
        Object call(Object[] a, EvalContext ctx) {
            return rounded(a[0], RoundingMode.FLOOR);
        }
    },
    MOD(2, 2) {
        Object call(Object[] a, EvalContext ctx) {
            return Arithmetic.apply(Arithmetic.Op.MODULO, a[0], a[1]);
        }
    },
    POWER(2, 2) {
        Object call(Object[] a, EvalContext ctx) {
            return Math.pow(Cast.toDouble(a[0]), Cast.toDouble(a[1]));
        }
    },
    SQRT(1, 1) {
        Object call(Object[] a, EvalContext ctx) {
            double d = Cast.toDouble(a[0]);
            if (d < 0) {
                throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE, "SQRT of a negative number");
            }
            return Math.sqrt(d);
        }
    },
    SIGN(1, 1) {
        Object call(Object[] a, EvalContext ctx) {
            return Integer.signum(Values.compare(a[0], 0));
        }
    },
    COALESCE(1, Integer.MAX_VALUE) {
        Object call(Object[] a, EvalContext ctx) {
            throw new IllegalStateException("evaluated lazily");
        }
    },
    NULLIF(2, 2) {
        Object call(Object[] a, EvalContext ctx) {
            if (a[0] == null) {
                return null;
            }
            return a[1] != null && Values.equal(a[0], a[1]) ? null : a[0];
        }

        @Override
        boolean nullIn() {
            return false;
        }
    },
    GREATEST(1, Integer.MAX_VALUE) {
        Object call(Object[] a, EvalContext ctx) {
            Object best = a[0];
            for (Object o : a) {
                if (Values.compare(o, best) > 0) {
                    best = o;
                }
            }
            return best;
        }
    },
    LEAST(1, Integer.MAX_VALUE) {
        Object call(Object[] a, EvalContext ctx) {
            Object best = a[0];
            for (Object o : a) {
                if (Values.compare(o, best) < 0) {
                    best = o;
                }
            }
            return best;
        }
    },
    CURRENT_TIMESTAMP(0, 0) {
        Object call(Object[] a, EvalContext ctx) {
            return ctx.statementTime();
        }
    },
    LOCALTIMESTAMP(0, 0) {
        Object call(Object[] a, EvalContext ctx) {
            return ctx.statementTime().toLocalDateTime();
        }
    },
    CURRENT_DATE(0, 0) {
        Object call(Object[] a, EvalContext ctx) {
            return ctx.statementTime().toLocalDate();
        }
    },
    CURRENT_TIME(0, 0) {
        Object call(Object[] a, EvalContext ctx) {
            return ctx.statementTime().toLocalTime();
        }
    },
    RANDOM(0, 0) {
        Object call(Object[] a, EvalContext ctx) {
            return java.util.concurrent.ThreadLocalRandom.current().nextDouble();
        }
    },
    RANDOM_UUID(0, 0) {
        Object call(Object[] a, EvalContext ctx) {
            return java.util.UUID.randomUUID();
        }
    };

    private final int minArgs;
    private final int maxArgs;

    Builtin(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    abstract Object call(Object[] args, EvalContext ctx);

    /** Whether a NULL argument makes the result NULL without calling the function. */
    boolean nullIn() {
        return true;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    public boolean isVolatile() {
        return this == RANDOM || this == RANDOM_UUID || this == CURRENT_TIMESTAMP || this == LOCALTIMESTAMP
                || this == CURRENT_DATE || this == CURRENT_TIME;
    }

    /** The function a SQL name denotes, with the common aliases of H2, PostgreSQL and MySQL. */
    public static Builtin byName(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "UPPER", "UCASE" -> UPPER;
            case "LOWER", "LCASE" -> LOWER;
            case "LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH", "LEN" -> LENGTH;
            case "SUBSTRING", "SUBSTR" -> SUBSTRING;
            case "TRIM", "BTRIM" -> TRIM;
            case "LTRIM" -> LTRIM;
            case "RTRIM" -> RTRIM;
            case "REPLACE" -> REPLACE;
            case "POSITION" -> POSITION;
            case "LEFT" -> LEFT;
            case "RIGHT" -> RIGHT;
            case "CONCAT" -> CONCAT;
            case "ABS" -> ABS;
            case "ROUND" -> ROUND;
            case "CEIL", "CEILING" -> CEIL;
            case "FLOOR" -> FLOOR;
            case "MOD" -> MOD;
            case "POWER", "POW" -> POWER;
            case "SQRT" -> SQRT;
            case "SIGN" -> SIGN;
            case "COALESCE", "IFNULL", "NVL" -> COALESCE;
            case "NULLIF" -> NULLIF;
            case "GREATEST" -> GREATEST;
            case "LEAST" -> LEAST;
            case "NOW", "CURRENT_TIMESTAMP", "SYSDATE", "SYSTIMESTAMP" -> CURRENT_TIMESTAMP;
            case "LOCALTIMESTAMP" -> LOCALTIMESTAMP;
            case "CURRENT_DATE", "CURDATE", "TODAY" -> CURRENT_DATE;
            case "CURRENT_TIME", "CURTIME", "LOCALTIME" -> CURRENT_TIME;
            case "RANDOM", "RAND" -> RANDOM;
            case "RANDOM_UUID", "GEN_RANDOM_UUID", "UUID" -> RANDOM_UUID;
            default -> null;
        };
    }

    /** Result type from the argument types. */
    public ColumnType resultType(ColumnType[] args) {
        return switch (this) {
            case UPPER, LOWER, SUBSTRING, TRIM, LTRIM, RTRIM, REPLACE, LEFT, RIGHT, CONCAT -> ColumnType.VARCHAR;
            case LENGTH, POSITION -> ColumnType.BIGINT;
            case SIGN -> ColumnType.INTEGER;
            case POWER, SQRT, RANDOM -> ColumnType.DOUBLE;
            case ABS, ROUND, CEIL, FLOOR, NULLIF -> args[0];
            case MOD -> Arithmetic.resultType(args[0], args[1]);
            case COALESCE, GREATEST, LEAST -> common(args);
            case CURRENT_TIMESTAMP -> ColumnType.TIMESTAMP_TZ;
            case LOCALTIMESTAMP -> ColumnType.TIMESTAMP;
            case CURRENT_DATE -> ColumnType.DATE;
            case CURRENT_TIME -> ColumnType.TIME;
            case RANDOM_UUID -> ColumnType.UUID;
        };
    }

    /** The type that holds values of all the given types: the widest number, else the first known. */
    public static ColumnType common(ColumnType[] types) {
        ColumnType result = ColumnType.UNKNOWN;
        for (ColumnType t : types) {
            if (result.type() == io.recall.parser.types.SqlType.UNKNOWN) {
                result = t;
            } else if (t.type().isNumeric() && result.type().isNumeric()) {
                result = Arithmetic.resultType(result, t);
            }
        }
        return result;
    }

    private static String trim(String s, String chars, boolean leading, boolean trailing) {
        int start = 0;
        int end = s.length();
        while (leading && start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (trailing && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static Object rounded(Object v, RoundingMode mode) {
        if (v instanceof Integer || v instanceof Long) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return mode == RoundingMode.CEILING ? Math.ceil(d) : Math.floor(d);
        }
        return Cast.toDecimal(v).setScale(0, mode);
    }
}
