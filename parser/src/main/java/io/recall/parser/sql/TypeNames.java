package io.recall.parser.sql;

import io.recall.parser.catalog.Identity;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;

import java.util.Locale;

/**
 * Maps a declared type name, with the aliases of H2, PostgreSQL and MySQL, to a
 * {@link ColumnType}. JSqlParser hands the type over as text, e.g. {@code "DECIMAL (10, 2)"}.
 */
final class TypeNames {
    /** A parsed type plus the identity implied by SERIAL-style names. */
    record Declared(ColumnType type, Identity identity) {
    }

    private TypeNames() {
    }

    static Declared parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.endsWith("]") || t.endsWith(" ARRAY")) {
            return array(text, t);
        }
        int[] args = new int[0];
        int open = t.indexOf('(');
        if (open >= 0) {
            int close = t.indexOf(')', open);
            if (close < 0) {
                throw unknown(text);
            }
            String[] parts = t.substring(open + 1, close).split(",");
            args = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    args[i] = Integer.parseInt(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw unknown(text);
                }
            }
            t = (t.substring(0, open).trim() + " " + t.substring(close + 1).trim()).trim();
        }
        int length = args.length > 0 ? args[0] : 0;
        int scale = args.length > 1 ? args[1] : 0;
        Identity identity = Identity.NONE;
        SqlType type;
        switch (t) {
            case "BOOLEAN", "BOOL", "BIT" -> type = SqlType.BOOLEAN;
            case "SMALLINT", "INT2", "TINYINT" -> type = SqlType.SMALLINT;
            case "INTEGER", "INT", "INT4", "MEDIUMINT", "SIGNED" -> type = SqlType.INTEGER;
            case "BIGINT", "INT8", "LONG" -> type = SqlType.BIGINT;
            case "SMALLSERIAL", "SERIAL2" -> {
                type = SqlType.SMALLINT;
                identity = Identity.BY_DEFAULT;
            }
            case "SERIAL", "SERIAL4" -> {
                type = SqlType.INTEGER;
                identity = Identity.BY_DEFAULT;
            }
            case "BIGSERIAL", "SERIAL8" -> {
                type = SqlType.BIGINT;
                identity = Identity.BY_DEFAULT;
            }
            case "DECIMAL", "NUMERIC", "DEC", "NUMBER" -> type = SqlType.DECIMAL;
            case "REAL", "FLOAT4" -> type = SqlType.REAL;
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> type = SqlType.DOUBLE;
            case "FLOAT" -> type = length > 0 && length <= 24 ? SqlType.REAL : SqlType.DOUBLE;
            case "CHAR", "CHARACTER", "NCHAR" -> {
                type = SqlType.CHAR;
                if (length == 0) {
                    length = 1;
                }
            }
            case "VARCHAR", "CHARACTER VARYING", "CHAR VARYING", "VARCHAR2", "NVARCHAR", "NVARCHAR2",
                 "VARCHAR_IGNORECASE" -> type = SqlType.VARCHAR;
            case "TEXT", "CLOB", "LONGVARCHAR", "LONGTEXT", "MEDIUMTEXT", "TINYTEXT", "CHARACTER LARGE OBJECT",
                 "NCLOB", "STRING" -> type = SqlType.CLOB;
            case "BINARY" -> {
                type = SqlType.BINARY;
                if (length == 0) {
                    length = 1;
                }
            }
            case "VARBINARY", "BINARY VARYING", "RAW" -> type = SqlType.VARBINARY;
            case "BLOB", "BYTEA", "LONGVARBINARY", "LONGBLOB", "BINARY LARGE OBJECT", "IMAGE" -> type = SqlType.BLOB;
            case "DATE" -> type = SqlType.DATE;
            case "TIME", "TIME WITHOUT TIME ZONE" -> type = SqlType.TIME;
            case "TIMESTAMP", "DATETIME", "TIMESTAMP WITHOUT TIME ZONE", "SMALLDATETIME" -> type = SqlType.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> type = SqlType.TIMESTAMP_TZ;
            case "UUID" -> type = SqlType.UUID;
            case "JSON", "JSONB" -> type = SqlType.JSON;
            case "JAVA_OBJECT", "OTHER", "OBJECT" -> type = SqlType.JAVA_OBJECT;
            default -> throw unknown(text);
        }
        if (type == SqlType.DECIMAL && length > ColumnType.MAX_DECIMAL_PRECISION) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "DECIMAL precision too large: " + length);
        }
        if (type == SqlType.DECIMAL && (scale > length && length > 0 || scale < 0)) {
            throw new RecallException(ErrorCode.INVALID_DEFINITION, "Invalid DECIMAL scale in " + text);
        }
        if (!(type == SqlType.DECIMAL || type == SqlType.CHAR || type == SqlType.VARCHAR || type == SqlType.BINARY
                || type == SqlType.VARBINARY)) {
            length = 0;
            scale = 0;
        }
        return new Declared(new ColumnType(type, length, scale), identity);
    }

    /** {@code T ARRAY}, {@code T ARRAY[n]}, {@code T[]} or {@code T[n]}: one dimension, elements of a scalar type. */
    private static Declared array(String text, String t) {
        int max = 0;
        String element;
        if (t.endsWith("]")) {
            int open = t.lastIndexOf('[');
            if (open < 0) {
                throw unknown(text);
            }
            String inside = t.substring(open + 1, t.length() - 1).trim();
            try {
                max = inside.isEmpty() ? 0 : Integer.parseInt(inside);
            } catch (NumberFormatException e) {
                throw unknown(text);
            }
            element = t.substring(0, open).trim();
            if (element.endsWith(" ARRAY")) {
                element = element.substring(0, element.length() - " ARRAY".length());
            }
        } else {
            element = t.substring(0, t.length() - " ARRAY".length());
        }
        if (element.endsWith("]") || element.endsWith(" ARRAY")) {
            throw RecallException.notSupported("Arrays of arrays (" + text + ")");
        }
        Declared e = parse(element);
        SqlType et = e.type().type();
        if (e.identity() != Identity.NONE || et == SqlType.JSON || et == SqlType.JAVA_OBJECT || et == SqlType.UNKNOWN
                || max < 0) {
            throw RecallException.notSupported("The array type " + text);
        }
        return new Declared(ColumnType.arrayOf(e.type(), max), Identity.NONE);
    }

    private static RecallException unknown(String text) {
        return new RecallException(ErrorCode.NOT_SUPPORTED, "Unknown or unsupported data type: " + text);
    }
}
