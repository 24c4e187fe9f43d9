package io.recall.parser.sql;

import io.recall.parser.catalog.ViewDef;
import io.recall.parser.error.ErrorCode;
import io.recall.parser.error.RecallException;
import io.recall.parser.plan.CreateViewPlan;
import io.recall.parser.plan.OutputColumn;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.view.AutoRefreshOption;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.create.view.ForceOption;
import net.sf.jsqlparser.statement.create.view.TemporaryOption;
import net.sf.jsqlparser.statement.select.Select;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds CREATE [OR REPLACE] VIEW. The query is bound once, in the view's schema, to check it and
 * to name the view's columns; what is stored is its text. Options Recall does not implement are
 * refused, never ignored.
 */
final class ViewBinder {
    private final TableResolver tables;

    ViewBinder(TableResolver tables) {
        this.tables = tables;
    }

    CreateViewPlan bind(CreateView cv, String statementText) {
        refuseOptions(cv);
        String schema = tables.schemaOf(cv.getView());
        String name = Names.normalize(cv.getView().getName());
        if (!tables.catalog().schemaExists(schema)) {
            throw new RecallException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + schema + " not found");
        }
        String sql = queryText(cv, statementText);
        List<String> explicit = explicitColumns(cv);
        ViewDef pending = new ViewDef(schema, name, sql, explicit == null ? List.of() : explicit);
        ParameterRegistry parameters = new ParameterRegistry();
        TableResolver inViewSchema = new TableResolver(new PendingView(tables.catalog(), pending), schema);
        OutputColumn[] output = new SelectBinder(inViewSchema, parameters).bind(cv.getSelect()).columns();
        if (!parameters.all().isEmpty()) {
            throw new RecallException(ErrorCode.NOT_SUPPORTED,
                    "Parameters (?) in the query of view " + name + " are not supported");
        }
        List<String> columns = explicit == null ? labels(output) : explicit;
        if (columns.size() != output.length) {
            throw new RecallException(ErrorCode.SYNTAX_ERROR, "View " + name + " names " + columns.size()
                    + " columns but its query returns " + output.length);
        }
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!seen.add(c)) {
                throw new RecallException(ErrorCode.DUPLICATE_COLUMN, "Column " + c + " appears twice in view " + name);
            }
        }
        return new CreateViewPlan(new ViewDef(schema, name, sql, columns), cv.isOrReplace());
    }

    private static List<String> explicitColumns(CreateView cv) {
        if (cv.getColumnNames() == null || cv.getColumnNames().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Column c : cv.getColumnNames()) {
            names.add(Names.normalize(c.getColumnName()));
        }
        return names;
    }

    private static List<String> labels(OutputColumn[] output) {
        List<String> names = new ArrayList<>(output.length);
        for (OutputColumn c : output) {
            names.add(c.label());
        }
        return names;
    }

    /** The query as written; refused if the text cut after AS does not parse back to the same query. */
    private static String queryText(CreateView cv, String statementText) {
        String sql = ViewQueryText.after(statementText);
        if (sql == null || !parsesTo(sql, cv.getSelect())) {
            throw RecallException.notSupported("This form of CREATE VIEW");
        }
        return sql;
    }

    private static boolean parsesTo(String sql, Select select) {
        try {
            Statement reparsed = CCJSqlParserUtil.newParser(SignChains.fold(sql)).Statement();
            return reparsed instanceof Select && reparsed.toString().equals(select.toString());
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    private static void refuseOptions(CreateView cv) {
        List<String> options = new ArrayList<>();
        if (cv.isMaterialized()) {
            options.add("MATERIALIZED");
        }
        if (cv.getTemporary() != null && cv.getTemporary() != TemporaryOption.NONE) {
            options.add(cv.getTemporary().name());
        }
        if (cv.getForce() != null && cv.getForce() != ForceOption.NONE) {
            options.add(cv.getForce().name().replace('_', ' '));
        }
        if (cv.isSecure()) {
            options.add("SECURE");
        }
        if (cv.isRecursive()) {
            options.add("RECURSIVE");
        }
        if (cv.isIfNotExists() || cv.isIfNotExistsAfterViewName()) {
            options.add("IF NOT EXISTS");
        }
        if (cv.getCheckOption() != null) {
            options.add("WITH CHECK OPTION");
        }
        if (cv.isWithReadOnly()) {
            options.add("WITH READ ONLY");
        }
        if (cv.getWithData() != null) {
            options.add("WITH DATA");
        }
        if (cv.getAutoRefresh() != null && cv.getAutoRefresh() != AutoRefreshOption.NONE
                || cv.getBackup() != null || cv.getAccessMethod() != null || cv.getTableSpace() != null
                || notEmpty(cv.getOptions()) || notEmpty(cv.getStorageParameters())
                || notEmpty(cv.getViewCommentOptions())) {
            options.add("view options");
        }
        if (!options.isEmpty()) {
            throw RecallException.notSupported("CREATE VIEW with " + String.join(", ", options));
        }
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }
}
