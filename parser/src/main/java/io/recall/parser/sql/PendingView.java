package io.recall.parser.sql;

import io.recall.parser.catalog.CatalogView;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;

/**
 * The catalog as it will be once a view is created or replaced. A view's query is checked against
 * it, so a query that reads the view itself, directly or through other views, is found to be
 * circular when the view is created rather than every time it is used. A table of the same name
 * stays visible: creating the view will fail on the name, and the query is bound as it reads now.
 */
final class PendingView implements CatalogView {
    private final CatalogView catalog;
    private final ViewDef view;

    PendingView(CatalogView catalog, ViewDef view) {
        this.catalog = catalog;
        this.view = view;
    }

    @Override
    public TableDef table(String schema, String name) {
        return catalog.table(schema, name);
    }

    @Override
    public ViewDef view(String schema, String name) {
        boolean pending = view.schema().equals(schema) && view.name().equals(name) && table(schema, name) == null;
        return pending ? view : catalog.view(schema, name);
    }

    @Override
    public boolean schemaExists(String schema) {
        return catalog.schemaExists(schema);
    }

    @Override
    public long version() {
        return catalog.version();
    }
}
