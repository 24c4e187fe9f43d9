package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.BoundStatement;
import io.recall.parser.plan.CompiledStatement;
import io.recall.parser.plan.SessionCommand;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import io.recall.parser.plan.ExplainPlan;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.function.CreateFunction;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser module's entry point: SQL text in, a {@link CompiledStatement} out. JSqlParser
 * reads the text; the binders resolve names against the catalog and compile expressions. Any
 * JSqlParser type stays inside this package.
 */
public final class SqlCompiler {
    private static final int MAX_NESTING = 64;
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private SqlCompiler() {
    }

    public static CompiledStatement compile(String sql, CatalogView catalog, String currentSchema) {
        if (sql == null) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "SQL statement is null");
        }
        String text = stripTerminator(sql);
        if (text.isEmpty()) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "Empty SQL statement");
        }
        long version = catalog.version();
        BoundStatement front = SessionStatementFront.parse(text);
        if (front != null) {
            return new CompiledStatement(sql, front, java.util.List.of(), version);
        }
        checkNesting(text);
        try {
            Statement parsed = parse(CaseOperands.wrap(SignChains.fold(ArrayTypeSuffix.rewrite(
                    AlterTableBinder.withoutSetData(text)))));
            ParameterRegistry parameters = new ParameterRegistry();
            TableResolver tables = new TableResolver(catalog, currentSchema);
            BoundStatement bound = callsFunctions(parsed)
                    ? JavaFunctions.callableFrom(catalog, () -> bind(parsed, text, tables, parameters))
                    : bind(parsed, text, tables, parameters);
            return new CompiledStatement(sql, bound, parameters.all(), version);
        } catch (StackOverflowError e) {
            throw new RecallException(ErrorCode.STATEMENT_TOO_COMPLEX, "Statement is nested too deeply to compile");
        }
    }

    /** Statements whose expressions may call registered Java functions (not DDL: see {@link JavaFunctions}). */
    private static boolean callsFunctions(Statement st) {
        return st instanceof Select || st instanceof Insert || st instanceof Update || st instanceof Delete
                || st instanceof ExplainStatement || st instanceof CreateView;
    }

    private static BoundStatement bind(Statement st, String text, TableResolver tables, ParameterRegistry parameters) {
        if (st instanceof Select s) {
            return new SelectBinder(tables, parameters).bind(s);
        }
        if (st instanceof ExplainStatement ex) {
            if (!(ex.getStatement() instanceof Select s) || ex.getOptions() != null && !ex.getOptions().isEmpty()) {
                throw RecallException.notSupported("EXPLAIN of anything but a query, or with options");
            }
            return new ExplainPlan(new SelectBinder(tables, parameters).bind(s));
        }
        if (st instanceof Insert i) {
            return new DmlBinder(tables, parameters).insert(i);
        }
        if (st instanceof Update u) {
            return new DmlBinder(tables, parameters).update(u);
        }
        if (st instanceof Delete d) {
            return new DmlBinder(tables, parameters).delete(d);
        }
        if (st instanceof Merge m) {
            return new MergeBinder(tables, parameters).bind(m);
        }
        if (st instanceof CreateTable ct) {
            return new DdlBinder(tables).createTable(ct);
        }
        if (st instanceof Alter a) {
            return new AlterTableBinder(tables).bind(a);
        }
        if (st instanceof CreateIndex ci) {
            return new IndexBinder(tables).create(ci);
        }
        if (st instanceof CreateView cv) {
            return new DdlBinder(tables).createView(cv, text);
        }
        if (st instanceof Drop d) {
            return new DdlBinder(tables).drop(d);
        }
        if (st instanceof CreateFunction cf) {
            return FunctionBinder.create(cf);
        }
        if (st instanceof CreateSchema cs) {
            return new DdlBinder(tables).createSchema(cs);
        }
        if (st instanceof Commit) {
            return SessionCommand.of(SessionCommand.Kind.COMMIT);
        }
        if (st instanceof RollbackStatement) {
            return SessionCommand.of(SessionCommand.Kind.ROLLBACK);
        }
        String kind = st.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase();
        throw RecallException.notSupported("The statement " + kind);
    }

    /** Parses the text of a stored query (a view's). */
    static Select parseQuery(String text) {
        Statement st = parse(CaseOperands.wrap(SignChains.fold(ArrayTypeSuffix.rewrite(text))));
        if (!(st instanceof Select s)) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "Not a query: " + ExpressionBinder.abbreviate(text));
        }
        return s;
    }

    private static Statement parse(String text) {
        try {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(text);
            Statement st = parser.Statement();
            Token next = parser.getNextToken();
            if (next != null && next.kind != 0 && !(next.image.equals(";") && parser.getNextToken().kind == 0)) {
                throw new RecallException(ErrorCode.SYNTAX_ERROR,
                        "Only one statement is allowed; unexpected \"" + next.image + "\" at line " + next.beginLine
                                + ", column " + next.beginColumn);
            }
            return st;
        } catch (RecallException e) {
            throw e;
        } catch (ParseException | RuntimeException e) {
            throw syntaxError(text, e);
        } catch (Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            throw syntaxError(text, e);
        }
    }

    private static RecallException syntaxError(String text, Throwable e) {
        RecallException unparsable = MergeForms.unparsable(text, e);
        if (unparsable != null) {
            return unparsable;
        }
        String message = String.valueOf(e.getMessage());
        Matcher m = POSITION.matcher(message);
        String where = "";
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int column = Integer.parseInt(m.group(2));
            where = " at line " + line + ", column " + column + near(text, line, column) + hint(text, line, column);
        }
        return new RecallException(ErrorCode.SYNTAX_ERROR, "Syntax error" + where + " in \""
                + ExpressionBinder.abbreviate(text) + "\"", e);
    }

    private static String near(String text, int line, int column) {
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return "";
        }
        String l = lines[line - 1];
        int from = Math.max(0, Math.min(l.length(), column - 1));
        String rest = l.substring(from);
        return rest.isEmpty() ? " (end of statement)" : " near \"" + ExpressionBinder.abbreviate(rest) + "\"";
    }

    /** JSqlParser 5.4 cannot parse {@code ALTER TABLE ... ADD CHECK (...)} without a constraint name. */
    private static String hint(String text, int line, int column) {
        String[] lines = text.split("\n", -1);
        if (!text.regionMatches(true, 0, "ALTER", 0, 5) || line < 1 || line > lines.length || column < 1
                || column > lines[line - 1].length()) {
            return "";
        }
        return lines[line - 1].regionMatches(true, column - 1, "CHECK", 0, 5)
                ? " (an unnamed CHECK cannot be added yet: write ADD CONSTRAINT <name> CHECK (...))" : "";
    }

    /**
     * JSqlParser's backtracking takes exponential time on deeply nested parentheses, so such input
     * is refused before parsing (the limit is far above what real statements use).
     */
    private static void checkNesting(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                if (++depth > MAX_NESTING) {
                    throw new RecallException(ErrorCode.STATEMENT_TOO_COMPLEX,
                            "Statement nests parentheses deeper than " + MAX_NESTING + " levels");
                }
            } else if (c == ')') {
                depth--;
            }
        }
    }

    private static String stripTerminator(String sql) {
        String t = sql.strip();
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
