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

    private static RecallException unknown(String text) {
        return new RecallException(ErrorCode.NOT_SUPPORTED, "Unknown or unsupported data type: " + text);
    }
}
