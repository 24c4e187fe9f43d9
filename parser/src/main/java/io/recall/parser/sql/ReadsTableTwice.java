package io.recall.parser.sql;

import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * True when a FOR UPDATE query names its locked table more than once (a subquery reading it): such a query would
 * see only the locked rows there too, so it is refused.
 */
final class ReadsTableTwice extends TablesNamesFinder<Void> {
    private final String name;
    private int seen;

    private ReadsTableTwice(Table locked) {
        this.name = Names.normalize(locked.getName());
    }

    static boolean check(PlainSelect select, Table locked) {
        ReadsTableTwice finder = new ReadsTableTwice(locked);
        try {
            finder.getTableList((net.sf.jsqlparser.statement.Statement) select);
        } catch (UnsupportedOperationException e) {
            return true; // a construct the finder cannot walk: refuse rather than risk it
        }
        return finder.seen > 1;
    }

    @Override
    public <S> Void visit(Table table, S context) {
        if (Names.normalize(table.getName()).equals(name)) {
            seen++;
        }
        return super.visit(table, context);
    }
}
