package io.recall.parser.expr;

import io.recall.parser.types.Cast;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.JsonPath;
import io.recall.parser.types.JsonValue;

/**
 * {@code JSON_VALUE(json, 'path' [RETURNING type])}: the scalar the path selects, as text or cast to the
 * RETURNING type; NULL when the path selects nothing, an object or an array, or JSON null (the standard's
 * NULL ON EMPTY and NULL ON ERROR defaults). A path given as a literal is compiled once; one from a parameter
 * is compiled again only when its text changes.
 */
public final class JsonValueFunction implements Expr {
    private final Expr document;
    private final Expr path;
    private final ColumnType returning;
    private volatile JsonPath compiled;

    public JsonValueFunction(Expr document, Expr path, ColumnType returning) {
        this.document = document;
        this.path = path;
        this.returning = returning;
        if (path instanceof Literal lit && lit.value() instanceof String text) {
            compiled = JsonPath.compile(text);
        }
    }

    @Override
    public Object eval(Object[] row, EvalContext ctx) {
        Object d = document.eval(row, ctx);
        Object p = path.eval(row, ctx);
        if (d == null || p == null) {
            return null;
        }
        JsonValue item = pathFor(Cast.toText(p)).select(Cast.toJson(d));
        if (item == null || !item.isScalar()) {
            return null;
        }
        String text = item.asText();
        return text == null || returning.type() == io.recall.parser.types.SqlType.VARCHAR
                ? text : Cast.explicit(text, returning);
    }

    private JsonPath pathFor(String text) {
        JsonPath c = compiled;
        if (c == null || !c.text().equals(text)) {
            c = JsonPath.compile(text);
            compiled = c;
        }
        return c;
    }

    @Override
    public ColumnType type() {
        return returning;
    }

    @Override
    public Expr[] children() {
        return new Expr[]{document, path};
    }
}
