package io.recall.parser.sql;

import io.recall.parser.error.RecallException;
import io.recall.parser.plan.CreateFunctionPlan;
import io.recall.parser.plan.DropFunctionPlan;
import net.sf.jsqlparser.statement.create.function.CreateFunction;
import net.sf.jsqlparser.statement.drop.Drop;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds {@code CREATE [OR REPLACE] FUNCTION [IF NOT EXISTS] name FOR 'package.Class.method'}, H2's
 * {@code CREATE ALIAS [IF NOT EXISTS] name FOR 'package.Class.method'} (which JSqlParser cannot parse, so
 * {@link SessionStatementFront} hands it here as text), and {@code DROP FUNCTION | ALIAS [IF EXISTS] name}.
 * Functions are one namespace for the database; a schema-qualified name is 0A000.
 */
final class FunctionBinder {
    private static final Pattern ALIAS = Pattern.compile(
            "(?is)\\s*CREATE\\s+ALIAS\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\"[^\"]+\"|[\\w$]+)\\s+FOR\\s+'([^']*)'\\s*;?\\s*");

    private FunctionBinder() {
    }

    static CreateFunctionPlan create(CreateFunction f) {
        List<String> parts = f.getFunctionDeclarationParts();
        boolean ifNotExists = parts.size() >= 3 && parts.get(0).equalsIgnoreCase("IF")
                && parts.get(1).equalsIgnoreCase("NOT") && parts.get(2).equalsIgnoreCase("EXISTS");
        List<String> rest = ifNotExists ? parts.subList(3, parts.size()) : parts;
        if (rest.size() != 3 || !rest.get(1).equalsIgnoreCase("FOR") || !quoted(rest.get(2))
                || f.getRoutineBodyParts() != null && !f.getRoutineBodyParts().isEmpty()) {
            throw RecallException.notSupported("This form of CREATE FUNCTION (Recall takes CREATE FUNCTION name FOR"
                    + " 'package.Class.method')");
        }
        boolean orReplace = f.toString().toUpperCase(Locale.ROOT).startsWith("CREATE OR REPLACE");
        if (orReplace && ifNotExists) {
            throw RecallException.notSupported("CREATE OR REPLACE FUNCTION IF NOT EXISTS");
        }
        String target = rest.get(2).substring(1, rest.get(2).length() - 1);
        return new CreateFunctionPlan(JavaFunctions.define(name(rest.get(0)), target.strip()), orReplace, ifNotExists);
    }

    /** {@code CREATE ALIAS ...} text, or null when the text is something else. */
    static CreateFunctionPlan alias(String sql) {
        if (!sql.regionMatches(true, skipSpaces(sql), "CREATE", 0, 6)) {
            return null;
        }
        Matcher m = ALIAS.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        return new CreateFunctionPlan(JavaFunctions.define(name(m.group(2)), m.group(3).strip()), false,
                m.group(1) != null);
    }

    static DropFunctionPlan drop(Drop drop) {
        if (drop.getNames() != null && drop.getNames().size() > 1
                || drop.getParameters() != null && !drop.getParameters().isEmpty()) {
            throw RecallException.notSupported("This form of DROP " + drop.getType());
        }
        return new DropFunctionPlan(name(drop.getName().getFullyQualifiedName()), drop.isIfExists());
    }

    private static String name(String written) {
        if (written.indexOf('.') >= 0 && !Names.isQuoted(written)) {
            throw RecallException.notSupported("A schema-qualified function name (" + written
                    + "): functions are one namespace for the database");
        }
        return Names.normalize(written);
    }

    private static boolean quoted(String s) {
        return s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'';
    }

    private static int skipSpaces(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
