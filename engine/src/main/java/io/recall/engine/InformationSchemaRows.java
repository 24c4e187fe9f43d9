package io.recall.engine;

import io.recall.engine.catalog.Catalog;
import io.recall.parser.catalog.ColumnDef;
import io.recall.parser.catalog.ForeignKeyDef;
import io.recall.parser.catalog.IndexDef;
import io.recall.parser.catalog.TableDef;
import io.recall.parser.catalog.ViewDef;
import io.recall.parser.types.ColumnType;
import io.recall.parser.types.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of each INFORMATION_SCHEMA view ({@link io.recall.parser.catalog.InformationSchema}), computed
 * from the catalog as it is when the view is read, in the column order the view declares.
 */
final class InformationSchemaRows {
    private final Database database;

    InformationSchemaRows(Database database) {
        this.database = database;
    }

    List<Object[]> rows(String view) {
        Catalog catalog = database.catalog();
        String db = database.name();
        List<Object[]> out = new ArrayList<>();
        switch (view) {
            case "SCHEMATA" -> catalog.schemas().forEach(s -> out.add(new Object[]{db, s}));
            case "TABLES" -> {
                for (TableDef t : catalog.tables()) {
                    out.add(new Object[]{db, t.schema(), t.name(), "BASE TABLE", database.tableStore(t).storageType(),
                            t.options().setType().sqlName()});
                }
                for (ViewDef v : catalog.views()) {
                    out.add(new Object[]{db, v.schema(), v.name(), "VIEW", null, null});
                }
            }
            case "COLUMNS" -> {
                for (TableDef t : catalog.tables()) {
                    for (int i = 0; i < t.columnCount(); i++) {
                        out.add(column(db, t, i));
                    }
                }
            }
            case "VIEWS" -> catalog.views().forEach(v -> out.add(new Object[]{db, v.schema(), v.name(), v.sql()}));
            case "TABLE_CONSTRAINTS" -> {
                for (TableDef t : catalog.tables()) {
                    if (t.hasPrimaryKey()) {
                        out.add(new Object[]{db, t.schema(), t.name() + "_PKEY", t.schema(), t.name(), "PRIMARY KEY"});
                    }
                    for (IndexDef ix : catalog.indexes(t)) {
                        if (ix.unique()) {
                            out.add(new Object[]{db, t.schema(), ix.name(), t.schema(), t.name(), "UNIQUE"});
                        }
                    }
                    t.foreignKeys().forEach(fk -> out.add(new Object[]{db, t.schema(), fk.name(), t.schema(), t.name(),
                            "FOREIGN KEY"}));
                    t.checks().forEach(c -> out.add(new Object[]{db, t.schema(), c.name(), t.schema(), t.name(),
                            "CHECK"}));
                }
            }
            case "KEY_COLUMN_USAGE" -> {
                for (TableDef t : catalog.tables()) {
                    int[] pk = t.primaryKey();
                    for (int k = 0; k < pk.length; k++) {
                        out.add(new Object[]{db, t.schema(), t.name() + "_PKEY", t.schema(), t.name(),
                                t.column(pk[k]).name(), k + 1});
                    }
                    for (IndexDef ix : catalog.indexes(t)) {
                        for (int k = 0; ix.unique() && k < ix.columns().size(); k++) {
                            out.add(new Object[]{db, t.schema(), ix.name(), t.schema(), t.name(), ix.columns().get(k),
                                    k + 1});
                        }
                    }
                    for (ForeignKeyDef fk : t.foreignKeys()) {
                        for (int k = 0; k < fk.columns().size(); k++) {
                            out.add(new Object[]{db, t.schema(), fk.name(), t.schema(), t.name(), fk.columns().get(k),
                                    k + 1});
                        }
                    }
                }
            }
            case "INDEXES" -> {
                for (TableDef t : catalog.tables()) {
                    for (IndexDef ix : catalog.indexes(t)) {
                        for (int k = 0; k < ix.columns().size(); k++) {
                            out.add(new Object[]{db, t.schema(), t.name(), ix.name(), yesNo(ix.unique()),
                                    ix.columns().get(k), k + 1, yesNo(ix.descending().get(k))});
                        }
                    }
                }
            }
            case "CLUSTER_MEMBERS" -> {
                // empty for a database on one node
                ReplicaFollower follower = database.follower();
                if (follower != null) {
                    String self = follower.replication().nodeName();
                    follower.replication().members().forEach(m -> out.add(new Object[]{m, yesNo(m.equals(self))}));
                }
            }
            default -> {
                // SEQUENCES: identity columns keep their counters out of the catalog; no named sequences yet
            }
        }
        return out;
    }

    private static Object[] column(String db, TableDef t, int i) {
        ColumnDef c = t.column(i);
        ColumnType type = c.type();
        boolean text = type.type() == SqlType.CHAR || type.type() == SqlType.VARCHAR;
        boolean numeric = type.type().isExactInteger() || type.type() == SqlType.DECIMAL;
        return new Object[]{db, t.schema(), t.name(), c.name(), i + 1, c.defaultSql(), yesNo(!c.notNull()),
                type.sqlName(), text && type.length() > 0 ? type.length() : null, numeric ? type.precision() : null,
                numeric ? type.scale() : null, yesNo(c.isIdentity())};
    }

    private static String yesNo(boolean b) {
        return b ? "YES" : "NO";
    }
}
