package io.recall.parser.sql;

import io.recall.parser.catalog.SetType;
import io.recall.parser.catalog.StorageType;
import io.recall.parser.catalog.TableOptions;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table's storage and table type as written after CREATE TABLE's column list, {@code WITH (storage =
 * 'disc_copies', type = 'ordered_set')}, or in {@code ALTER TABLE ... SET (...)}. JSqlParser hands the
 * CREATE TABLE form over as the strings {@code [WITH, (storage='disc_copies',type='ordered_set')]}; the
 * list in parentheses is read here. Keys and values are case-insensitive, a value quoted or bare. An
 * unknown or repeated key is {@code 42601}, an unknown value {@code 22023}, each naming it.
 */
final class TableOptionsBinder {
    static final String STORAGE = "storage";
    static final String TYPE = "type";

    private TableOptionsBinder() {
    }

    /**
     * The options of CREATE TABLE's option strings; {@link TableOptions#UNSPECIFIED} when there are none.
     * Any table option but {@code WITH (...)} is refused with {@code 0A000}, as before options existed.
     */
    static TableOptions ofCreateTable(List<String> strings) {
        if (strings == null || strings.isEmpty()) {
            return TableOptions.UNSPECIFIED;
        }
        if (strings.size() != 2 || !strings.get(0).equalsIgnoreCase("WITH") || !strings.get(1).startsWith("(")) {
            throw RecallException.notSupported("Table options (" + String.join(" ", strings) + ")");
        }
        return parse(strings.get(1));
    }

    /** The options of a parenthesised list {@code (key = value, ...)}. */
    static TableOptions parse(String list) {
        String text = list.trim();
        if (!text.startsWith("(") || !text.endsWith(")")) {
            throw syntax("Table options must be a list in parentheses: " + text);
        }
        StorageType storage = null;
        SetType type = null;
        for (String item : items(text.substring(1, text.length() - 1))) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw syntax("Table option " + item + " needs a value (storage = '...' or type = '...')");
            }
            String key = unquoteName(item.substring(0, eq).trim());
            String value = unquoteValue(item.substring(eq + 1).trim());
            switch (key.toLowerCase(Locale.ROOT)) {
                case STORAGE -> storage = once(storage, StorageType.fromSql(value), STORAGE, value,
                        "storage type", "ram_copies, disc_copies or disc_only_copies");
                case TYPE -> type = once(type, SetType.fromSql(value), TYPE, value, "table type", "set or ordered_set");
                default -> throw syntax("Unknown table option " + key + " (Recall knows storage and type)");
            }
        }
        return new TableOptions(storage, type);
    }

    /** The value of an option not given before: {@code parsed}, unless it is null (an unknown {@code value}). */
    private static <T> T once(T before, T parsed, String key, String value, String what, String choices) {
        if (before != null) {
            throw syntax("Table option " + key + " is given twice");
        }
        if (parsed == null) {
            throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE, "Unknown " + what + " '" + value + "' (use "
                    + choices + ")");
        }
        return parsed;
    }

    /** The comma-separated items of the list, commas inside quotes kept. */
    private static List<String> items(String inner) {
        List<String> out = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote; // a doubled quote closes and reopens: the text is kept as is
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == ',') {
                out.add(item.toString().trim());
                item.setLength(0);
                continue;
            }
            item.append(ch);
        }
        out.add(item.toString().trim());
        for (String s : out) {
            if (s.isEmpty()) {
                throw syntax("Empty table option in (" + inner + ")");
            }
        }
        return out;
    }

    private static String unquoteName(String key) {
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")
                ? key.substring(1, key.length() - 1).replace("\"\"", "\"") : key;
    }

    private static String unquoteValue(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1).replace("''", "'") : value;
    }

    private static RecallException syntax(String message) {
        return new RecallException(ErrorCode.SYNTAX_ERROR, message);
    }
}
