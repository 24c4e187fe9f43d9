package io.recall.parser.sql;

import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.BackupPlan;
import io.recall.parser.plan.BoundStatement;
import io.recall.parser.plan.IsolationLevel;
import io.recall.parser.plan.SavepointPlan;
import io.recall.parser.plan.SchemaPlan;
import io.recall.parser.plan.SessionCommand;
import io.recall.parser.plan.SessionCommand.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the few transaction and session statements JSqlParser 5.4 cannot parse (BEGIN,
 * START TRANSACTION, SET TRANSACTION, SET LOCK_TIMEOUT, SET SCHEMA ..., SAVEPOINT, ROLLBACK TO, RELEASE, BACKUP TO and
 * RESTORE FROM). These are
 * a handful of fixed keyword sequences, matched word by word; everything else goes to JSqlParser.
 */
final class SessionStatementFront {
    private SessionStatementFront() {
    }

    /** The bound statement, or null when the text is not one of the forms handled here. */
    static BoundStatement parse(String sql) {
        List<String> w = words(sql);
        if (w.isEmpty()) {
            return null;
        }
        switch (w.get(0)) {
            case "BEGIN":
                return expectOnly(w, 1, SessionCommand.of(Kind.BEGIN), "WORK", "TRANSACTION");
            case "START":
                if (w.size() >= 2 && w.get(1).equals("TRANSACTION")) {
                    if (w.size() > 2) {
                        throw RecallException.notSupported("START TRANSACTION with characteristics; use SET TRANSACTION");
                    }
                    return SessionCommand.of(Kind.BEGIN);
                }
                return null;
            case "COMMIT", "END":
                return expectOnly(w, 1, SessionCommand.of(Kind.COMMIT), "WORK", "TRANSACTION");
            case "ROLLBACK":
                int to = w.size() > 1 && (w.get(1).equals("WORK") || w.get(1).equals("TRANSACTION")) ? 2 : 1;
                if (w.size() > to && w.get(to).equals("TO")) {
                    return savepoint(w, sql, to + 1, SavepointPlan.Action.ROLLBACK_TO);
                }
                return expectOnly(w, 1, SessionCommand.of(Kind.ROLLBACK), "WORK", "TRANSACTION");
            case "SAVEPOINT":
                return savepoint(w, sql, 1, SavepointPlan.Action.SET);
            case "RELEASE":
                return savepoint(w, sql, 1, SavepointPlan.Action.RELEASE);
            case "SET":
                return set(w, sql);
            case "BACKUP":
                return new BackupPlan(file(w, "TO"), false);
            case "RESTORE":
                return new BackupPlan(file(w, "FROM"), true);
            case "CREATE":
                return w.size() >= 2 && w.get(1).equals("ALIAS") ? FunctionBinder.alias(sql) : null;
            default:
                return null;
        }
    }

    private static BoundStatement expectOnly(List<String> w, int from, BoundStatement result, String... optional) {
        if (w.size() == from) {
            return result;
        }
        if (w.size() == from + 1) {
            for (String o : optional) {
                if (w.get(from).equals(o)) {
                    return result;
                }
            }
        }
        throw new RecallException(ErrorCode.SYNTAX_ERROR, "Unexpected word " + w.get(from) + " after " + w.get(0));
    }

    private static BoundStatement set(List<String> w, String sql) {
        if (w.size() < 2) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "SET needs a setting name");
        }
        String name = w.get(1);
        int v = w.size() > 2 && (w.get(2).equals("=") || w.get(2).equals("TO")) ? 3 : 2;
        switch (name) {
            case "TRANSACTION":
                return transaction(w.subList(2, w.size()));
            case "LOCK_TIMEOUT":
                if (w.size() != v + 1) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "SET LOCK_TIMEOUT needs a number of milliseconds");
                }
                try {
                    long ms = Long.parseLong(unquote(w.get(v)));
                    if (ms < 0) {
                        throw new NumberFormatException();
                    }
                    return new SessionCommand(Kind.SET_LOCK_TIMEOUT, null, ms);
                } catch (NumberFormatException e) {
                    throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "SET LOCK_TIMEOUT needs a non-negative number of milliseconds, got " + w.get(v));
                }
            case "FORCE_SCAN":
                if (w.size() != v + 1) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "SET FORCE_SCAN needs TRUE or FALSE");
                }
                return switch (unquote(w.get(v))) {
                    case "TRUE", "ON", "1" -> new SessionCommand(Kind.SET_FORCE_SCAN, null, 1);
                    case "FALSE", "OFF", "0" -> new SessionCommand(Kind.SET_FORCE_SCAN, null, 0);
                    default -> throw new RecallException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "SET FORCE_SCAN needs TRUE or FALSE, got " + w.get(v));
                };
            case "SCHEMA", "SEARCH_PATH":
                if (w.size() != v + 1) {
                    throw new RecallException(ErrorCode.SYNTAX_ERROR, "SET SCHEMA needs one schema name");
                }
                return new SchemaPlan(SchemaPlan.Action.SET, schemaName(originalWord(sql, w.get(v))), false, false);
            default:
                return null;
        }
    }

    /** {@code [SAVEPOINT] name} from word {@code from} on; SAVEPOINT itself takes no optional word. */
    private static BoundStatement savepoint(List<String> w, String sql, int from, SavepointPlan.Action action) {
        int at = action != SavepointPlan.Action.SET && w.size() > from && w.get(from).equals("SAVEPOINT") ? from + 1 : from;
        if (w.size() != at + 1) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, w.get(0) + " needs one savepoint name");
        }
        return new SavepointPlan(action, identifier(originalWord(sql, w.get(at))));
    }

    /** The file of {@code BACKUP TO 'file'} / {@code RESTORE FROM 'file'}: one quoted string after the word. */
    private static String file(List<String> w, String word) {
        if (w.size() != 3 || !w.get(1).equals(word) || !w.get(2).startsWith("'") || w.get(2).length() < 3) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, w.get(0) + " needs " + word + " 'file name'");
        }
        return unquote(w.get(2));
    }

    private static String schemaName(String raw) {
        if (raw.length() >= 2 && raw.charAt(0) == '\'') {
            return raw.substring(1, raw.length() - 1);
        }
        return Names.normalize(raw);
    }

    private static String identifier(String raw) {
        if (raw.startsWith("'")) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "A savepoint name is an identifier, not a string: " + raw);
        }
        return Names.normalize(raw);
    }

    private static BoundStatement transaction(List<String> w) {
        String rest = String.join(" ", w);
        switch (rest) {
            case "READ ONLY":
                return SessionCommand.of(Kind.SET_READ_ONLY);
            case "READ WRITE":
                return SessionCommand.of(Kind.SET_READ_WRITE);
            case "ISOLATION LEVEL READ UNCOMMITTED":
                return new SessionCommand(Kind.SET_ISOLATION, IsolationLevel.READ_UNCOMMITTED, 0);
            case "ISOLATION LEVEL READ COMMITTED":
                return new SessionCommand(Kind.SET_ISOLATION, IsolationLevel.READ_COMMITTED, 0);
            case "ISOLATION LEVEL REPEATABLE READ":
                return new SessionCommand(Kind.SET_ISOLATION, IsolationLevel.REPEATABLE_READ, 0);
            case "ISOLATION LEVEL SERIALIZABLE":
                return new SessionCommand(Kind.SET_ISOLATION, IsolationLevel.SERIALIZABLE, 0);
            default:
                throw new RecallException(ErrorCode.SYNTAX_ERROR, "Unknown SET TRANSACTION form: " + rest);
        }
    }

    /** Splits into upper-case words; '=' is a word of its own. Quoted strings stay one word. */
    static List<String> words(String sql) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '=') {
                out.add("=");
                i++;
            } else if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    return List.of();
                }
                out.add(sql.substring(i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(sql.charAt(i)) && sql.charAt(i) != '=') {
                    i++;
                }
                out.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String originalWord(String sql, String upper) {
        if (upper.startsWith("'") || upper.startsWith("\"")) {
            return upper;
        }
        int at = sql.toUpperCase(Locale.ROOT).lastIndexOf(upper);
        return at < 0 ? upper : sql.substring(at, at + upper.length());
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '\'' ? s.substring(1, s.length() - 1) : s;
    }
}
