package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.FunctionDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.expr.Builtin;
import io.recall.parser.expr.Expr;
import io.recall.parser.expr.JavaFunctionCall;
import io.recall.parser.types.ArrayValue;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.JsonValue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Java functions registered with CREATE FUNCTION ... FOR 'class.method': checking a target when it is registered,
 * and binding a call to the public static method of that name taking as many arguments, loaded through the
 * thread's context class loader, then Recall's own. Parameters and results are limited to classes with an SQL
 * counterpart (numbers, text, boolean, dates and times, UUID, byte[], Object); anything else is 0A000.
 */
final class JavaFunctions {
    /**
     * The catalog whose functions a statement being compiled may call. Binders are built in many places with only
     * a scope; rather than thread the catalog through all of them, {@link SqlCompiler} sets it around binding the
     * statements that may call functions (queries, DML, views) and leaves it unset for DDL, whose stored
     * expressions (CHECK, DEFAULT) are bound again when the catalog loads, where no function may be needed.
     */
    private static final ThreadLocal<CatalogView> CALLABLE = new ThreadLocal<>();

    private static final Map<Class<?>, ColumnType> RESULTS = Map.ofEntries(
            Map.entry(boolean.class, ColumnType.BOOLEAN), Map.entry(Boolean.class, ColumnType.BOOLEAN),
            Map.entry(int.class, ColumnType.INTEGER), Map.entry(Integer.class, ColumnType.INTEGER),
            Map.entry(short.class, ColumnType.SMALLINT), Map.entry(Short.class, ColumnType.SMALLINT),
            Map.entry(byte.class, ColumnType.SMALLINT), Map.entry(Byte.class, ColumnType.SMALLINT),
            Map.entry(long.class, ColumnType.BIGINT), Map.entry(Long.class, ColumnType.BIGINT),
            Map.entry(double.class, ColumnType.DOUBLE), Map.entry(Double.class, ColumnType.DOUBLE),
            Map.entry(float.class, ColumnType.DOUBLE), Map.entry(Float.class, ColumnType.DOUBLE),
            Map.entry(BigDecimal.class, ColumnType.DECIMAL), Map.entry(String.class, ColumnType.VARCHAR),
            Map.entry(char.class, ColumnType.VARCHAR), Map.entry(Character.class, ColumnType.VARCHAR),
            Map.entry(LocalDate.class, ColumnType.DATE), Map.entry(LocalTime.class, ColumnType.TIME),
            Map.entry(LocalDateTime.class, ColumnType.TIMESTAMP),
            Map.entry(OffsetDateTime.class, ColumnType.TIMESTAMP_TZ), Map.entry(UUID.class, ColumnType.UUID),
            Map.entry(byte[].class, ColumnType.VARBINARY));

    private JavaFunctions() {
    }

    static <T> T callableFrom(CatalogView catalog, Supplier<T> binding) {
        CatalogView before = CALLABLE.get();
        CALLABLE.set(catalog);
        try {
            return binding.get();
        } finally {
            if (before == null) {
                CALLABLE.remove();
            } else {
                CALLABLE.set(before);
            }
        }
    }

    /** Whether the statement being bound may call registered functions at all. */
    static boolean callableHere() {
        return CALLABLE.get() != null;
    }

    /** The registered function of that name the statement being bound may call, or null. */
    static FunctionDef lookup(String name) {
        CatalogView catalog = CALLABLE.get();
        return catalog == null ? null : catalog.function(name);
    }

    /** The definition {@code CREATE FUNCTION name FOR 'target'} makes; 42883 when no such method exists. */
    static FunctionDef define(String name, String target) {
        if (Builtin.byName(name) != null || ExpressionBinder.isAggregate(name) || name.equals("CARDINALITY")) {
            throw new RecallException(ErrorCode.DUPLICATE_FUNCTION, "Function " + name + " is built in");
        }
        int dot = target.lastIndexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "A function target is 'package.Class.method', not '"
                    + target + "'");
        }
        FunctionDef def = new FunctionDef(name, target.substring(0, dot), target.substring(dot + 1));
        if (candidates(def).isEmpty()) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Class " + def.className()
                    + " has no public static method " + def.methodName() + " (for function " + name + ")");
        }
        return def;
    }

    /** A call of {@code def} with these arguments: 42883 when no method takes that many, 0A000 for a class without SQL counterpart. */
    static Expr call(FunctionDef def, Expr[] args) {
        Method method = null;
        for (Method m : candidates(def)) {
            if (m.getParameterCount() == args.length && !m.isVarArgs()) {
                if (method != null) {
                    throw RecallException.notSupported("Function " + def.name() + ": " + def.target()
                            + " is overloaded with " + args.length + " parameters");
                }
                method = m;
            }
        }
        if (method == null) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Function " + def.name() + " does not take "
                    + args.length + " argument" + (args.length == 1 ? "" : "s") + " (" + def.target() + ")");
        }
        ColumnType result = RESULTS.get(method.getReturnType());
        if (result == null) {
            throw RecallException.notSupported("Function " + def.name() + " returning " + method.getReturnType().getName());
        }
        Class<?>[] params = method.getParameterTypes();
        @SuppressWarnings("unchecked")
        Function<Object, Object>[] converters = new Function[params.length];
        boolean[] primitive = new boolean[params.length];
        for (int i = 0; i < params.length; i++) {
            converters[i] = converter(def, params[i]);
            primitive[i] = params[i].isPrimitive();
            ExpressionBinder.inferParameter(args[i], RESULTS.getOrDefault(params[i], ColumnType.VARCHAR));
        }
        MethodHandle handle;
        try {
            handle = MethodHandles.publicLookup().unreflect(method)
                    .asType(MethodType.genericMethodType(params.length))
                    .asSpreader(Object[].class, params.length);
        } catch (IllegalAccessException e) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Function " + def.name() + ": " + def.target()
                    + " is not accessible (its class must be public)", e);
        }
        return new JavaFunctionCall(def.name(), handle, args, converters, primitive, result);
    }

    private static Function<Object, Object> converter(FunctionDef def, Class<?> c) {
        if (c == int.class || c == Integer.class) {
            return v -> Cast.assign(v, ColumnType.INTEGER);
        } else if (c == long.class || c == Long.class) {
            return v -> Cast.assign(v, ColumnType.BIGINT);
        } else if (c == short.class || c == Short.class) {
            return v -> ((Integer) Cast.assign(v, ColumnType.SMALLINT)).shortValue();
        } else if (c == double.class || c == Double.class) {
            return Cast::toDouble;
        } else if (c == float.class || c == Float.class) {
            return v -> (float) Cast.toDouble(v);
        } else if (c == boolean.class || c == Boolean.class) {
            return Cast::toBoolean;
        } else if (c == String.class) {
            return Cast::toText;
        } else if (c == BigDecimal.class) {
            return Cast::toDecimal;
        } else if (c == LocalDate.class) {
            return Cast::toDate;
        } else if (c == LocalTime.class) {
            return Cast::toTime;
        } else if (c == LocalDateTime.class) {
            return Cast::toTimestamp;
        } else if (c == OffsetDateTime.class) {
            return Cast::toTimestampTz;
        } else if (c == UUID.class) {
            return Cast::toUuid;
        } else if (c == byte[].class) {
            return v -> Cast.toBytes(v).clone();
        } else if (c == Object.class) {
            return v -> v instanceof JsonValue j ? j.text() : v instanceof ArrayValue a ? a.toArray()
                    : v instanceof byte[] b ? b.clone() : v;
        }
        throw RecallException.notSupported("Function " + def.name() + " taking a " + c.getName());
    }

    private static List<Method> candidates(FunctionDef def) {
        Class<?> c = load(def);
        List<Method> out = new ArrayList<>();
        if (!Modifier.isPublic(c.getModifiers())) {
            return out;
        }
        for (Method m : c.getMethods()) {
            if (m.getName().equals(def.methodName()) && Modifier.isStatic(m.getModifiers())) {
                out.add(m);
            }
        }
        return out;
    }

    private static Class<?> load(FunctionDef def) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(def.className(), true, context);
            } catch (ClassNotFoundException e) {
                // then Recall's own loader
            } catch (LinkageError e) {
                throw cannotLoad(def, e);
            }
        }
        try {
            return Class.forName(def.className(), true, JavaFunctions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Function " + def.name() + ": class "
                    + def.className() + " not found");
        } catch (LinkageError e) {
            throw cannotLoad(def, e);
        }
    }

    private static RecallException cannotLoad(FunctionDef def, Throwable e) {
        return new RecallException(ErrorCode.FUNCTION_NOT_FOUND, "Function " + def.name() + ": class "
                + def.className() + " cannot be loaded: " + e, e);
    }
}
