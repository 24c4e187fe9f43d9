package io.recall.parser.sql;

import io.recall.parser.query.Filter;
import io.recall.parser.query.Limit;
import io.recall.parser.query.Project;
import io.recall.parser.query.Relation;
import io.recall.parser.query.TableScan;

/**
 * The LIMIT of a FOR UPDATE query when it counts rows in the order they are read (only projections and filters
 * below it), so locking can stop once enough rows are locked, as PostgreSQL locks only the rows it returns. Under
 * an ORDER BY every matching row is locked first.
 */
final class LockedRowLimit {
    private LockedRowLimit() {
    }

    static Limit of(Relation root) {
        Limit found = null;
        Relation r = root;
        while (!(r instanceof TableScan)) {
            if (r instanceof Limit l) {
                if (found != null) {
                    return null;
                }
                found = l;
                r = l.input();
            } else if (r instanceof Project p) {
                r = p.input();
            } else if (r instanceof Filter f) {
                r = f.input();
            } else {
                return null;
            }
        }
        return found;
    }
}
