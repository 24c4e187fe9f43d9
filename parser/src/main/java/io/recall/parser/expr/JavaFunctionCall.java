package io.recall.parser.expr;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;

import java.lang.invoke.MethodHandle;
import java.util.function.Function;

/**
 * A call of a registered Java function: the arguments converted to the method's parameter classes, the method
 * invoked through a method handle made once when the statement was bound, the result cast to the SQL type of
 * its return class. A NULL argument for a primitive parameter gives NULL without calling; an exception thrown by
 * the method is 38000 (the standard's external routine exception) naming the function and the exception.
 */
public final class JavaFunctionCall implements Expr {
    private final String name;
    private final MethodHandle method;
    private final Expr[] args;
    private final Function<Object, Object>[] converters;
    private final boolean[] primitive;
    private final ColumnType type;

    public JavaFunctionCall(String name, MethodHandle method, Expr[] args, Function<Object, Object>[] converters,
                            boolean[] primitive, ColumnType type) {
        this.name = name;
        this.method = method;
        this.args = args;
        this.converters = converters;
        this.primitive = primitive;
        this.type = type;
    }

    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object v = args[i].eval(row, ctx);
            if (v == null) {
                if (primitive[i]) {
                    return null;
                }
            } else {
                values[i] = converters[i].apply(v);
            }
        }
        Object result;
        try {
            result = method.invoke(values);
        } catch (RecallException | VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            throw new RecallException(ErrorCode.EXTERNAL_ROUTINE_EXCEPTION,
                    "Function " + name + " threw " + e.getClass().getName() + ": " + e.getMessage(), e);
        }
        return result == null ? null : Cast.assign(result instanceof Short || result instanceof Byte
                ? Integer.valueOf(((Number) result).intValue()) : result instanceof Float f ? (Object) f.doubleValue()
                : result instanceof Character c ? c.toString() : result, type);
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public Expr[] children() {
        return args;
    }
}
