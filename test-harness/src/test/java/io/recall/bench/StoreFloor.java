package io.recall.bench;

import io.recall.cluster.InfinispanStore;
import io.recall.engine.storage.StoreTransaction;
import io.recall.engine.storage.TableStore;
import io.recall.parser.catalog.TableOptions;

/**
 * The floor under Recall: the same order rows as {@code Object[]} in a table cache of Recall's own store
 * ({@link InfinispanStore}: a LOCAL, transactional, pessimistic Infinispan cache), read with {@code get}
 * outside a transaction (as an auto-commit query reads) and written with {@code put} in a transaction of
 * its own, and five puts in one transaction.
 */
final class StoreFloor {
    record Result(double get, double put, double fivePuts) {
    }

    private static final int LOAD_BATCH = 5_000;

    private final Rounds rounds;
    private final Scale scale;

    StoreFloor(Mode mode, Scale scale) {
        this.rounds = new Rounds(mode);
        this.scale = scale;
    }

    Result measure() throws Exception {
        InfinispanStore store = new InfinispanStore("bench-floor-" + System.nanoTime());
        try {
            TableStore table = store.createTable("floor", TableOptions.DEFAULT);
            Object[][] rows = rows();
            load(store, table, rows);
            double get = rounds.medianOpsPerSecond(i -> get(table, key(i)), () -> { });
            double put = rounds.medianOpsPerSecond(i -> {
                StoreTransaction tx = store.begin();
                tx.resume();
                table.put(key(i), rows[key(i)]);
                tx.commit();
            }, () -> { });
            double fivePuts = rounds.medianOpsPerSecond(i -> {
                StoreTransaction tx = store.begin();
                tx.resume();
                for (int k = 0; k < 5; k++) {
                    int key = key(i * 5 + k);
                    table.put(key, rows[key]);
                }
                tx.commit();
            }, () -> { });
            return new Result(get, put, fivePuts);
        } finally {
            store.close();
        }
    }

    private int key(long i) {
        return (int) (i * 7919 % scale.orders());
    }

    private static void get(TableStore table, int id) {
        Object[] row = table.get(id);
        if (row == null || (Integer) row[4] != id % 1000) {
            throw new WrongAnswer("store get of row " + id);
        }
    }

    /** Rows shaped like Dataset's orders rows, in the canonical Java classes of their column types. */
    private Object[][] rows() {
        Object[][] rows = new Object[scale.orders()][];
        for (int id = 0; id < rows.length; id++) {
            rows[id] = new Object[] {id, id % scale.customers(), id * 37 % 100, id % 100, id % 1000,
                    (int) ((long) id * 7919 % scale.orders()), "order note " + id};
        }
        return rows;
    }

    private static void load(InfinispanStore store, TableStore table, Object[][] rows) {
        for (int from = 0; from < rows.length; from += LOAD_BATCH) {
            StoreTransaction tx = store.begin();
            tx.resume();
            for (int id = from; id < Math.min(rows.length, from + LOAD_BATCH); id++) {
                table.put(id, rows[id]);
            }
            tx.commit();
        }
    }
}
