package io.recall.parser.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.Map;

/**
 * A value of a JSON column: the document parsed once (by Jackson) and kept as a tree, never mutated. Equality
 * is PostgreSQL's jsonb equality: objects equal whatever their key order, numbers by value ({@code 1 = 1.0}),
 * so GROUP BY, DISTINCT and hash joins see one value; the text keeps the document's key order and number
 * spelling. JSON values have no order: {@link Values#compare} refuses them.
 */
public final class JsonValue {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final Comparator<JsonNode> SQL_EQUALITY = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return decimal(a).compareTo(decimal(b));
        }
        return a.equals(b) ? 0 : 1;
    };

    private final JsonNode node;
    private String text;
    private int hash;

    private JsonValue(JsonNode node) {
        this.node = node;
    }

    /** Parses JSON text; anything that is not one complete JSON value is 22P02. */
    public static JsonValue parse(String text) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw invalid(text, "no JSON value");
            }
            return new JsonValue(n);
        } catch (JsonProcessingException e) {
            throw invalid(text, e.getOriginalMessage());
        }
    }

    /** A number or boolean as a JSON scalar (CAST(1 AS JSON)). */
    public static JsonValue scalar(Object v) {
        JsonNodeFactory f = MAPPER.getNodeFactory();
        if (v instanceof Boolean b) {
            return new JsonValue(f.booleanNode(b));
        }
        if (v instanceof Integer i) {
            return new JsonValue(f.numberNode(i));
        }
        if (v instanceof Long l) {
            return new JsonValue(f.numberNode(l));
        }
        if (v instanceof BigDecimal d) {
            return new JsonValue(f.numberNode(d));
        }
        if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            return new JsonValue(f.numberNode(new BigDecimal(v.toString())));
        }
        throw Cast.cannotCast(v, "JSON");
    }

    private static RecallException invalid(String text, String why) {
        String shown = text.length() <= 40 ? text : text.substring(0, 37) + "...";
        return new RecallException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                "Invalid input syntax for type JSON: '" + shown + "' (" + firstLine(why) + ")");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The member {@code name} of an object, or null (not an object, or no such member). */
    public JsonValue field(String name) {
        JsonNode n = node.isObject() ? node.get(name) : null;
        return n == null ? null : new JsonValue(n);
    }

    /** Element {@code index} of an array, counting from 0, negative from the end; null when there is none. */
    public JsonValue element(long index) {
        if (!node.isArray()) {
            return null;
        }
        long i = index < 0 ? node.size() + index : index;
        return i < 0 || i >= node.size() ? null : new JsonValue(node.get((int) i));
    }

    public boolean isScalar() {
        return node.isValueNode();
    }

    public boolean isNull() {
        return node.isNull();
    }

    /**
     * The value as SQL text ({@code ->>}, JSON_VALUE): a string without its quotes, JSON null as SQL NULL, any
     * other value as its JSON text.
     */
    public String asText() {
        if (node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : text();
    }

    /** The compact JSON text, members in their original order. */
    public String text() {
        String t = text;
        if (t == null) {
            try {
                t = MAPPER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A parsed JSON value did not serialise", e);
            }
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return text();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof JsonValue j && hashCode() == j.hashCode() && node.equals(SQL_EQUALITY, j.node);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = hash(node);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    /** Agrees with {@link #SQL_EQUALITY}: members summed (order-free), numbers by their stripped decimal. */
    private static int hash(JsonNode n) {
        if (n.isNumber()) {
            return decimal(n).stripTrailingZeros().hashCode();
        }
        if (n.isObject()) {
            int h = 7;
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                h += e.getKey().hashCode() ^ hash(e.getValue());
            }
            return h;
        }
        if (n.isArray()) {
            int h = 11;
            for (JsonNode e : n) {
                h = 31 * h + hash(e);
            }
            return h;
        }
        return n.hashCode();
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n.isBigDecimal()) {
            return n.decimalValue();
        }
        if (n.isBigInteger()) {
            return new BigDecimal((BigInteger) n.numberValue());
        }
        if (n.isIntegralNumber()) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(Double.toString(n.doubleValue()));
    }
}
