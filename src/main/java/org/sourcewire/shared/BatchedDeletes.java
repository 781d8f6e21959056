package org.sourcewire.shared;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes many rows a bounded batch at a time, each batch its own short transaction (autocommit): a purge of a
 * million rows never holds one long transaction, a long row lock, or a huge WAL burst, and may stop between batches.
 */
public final class BatchedDeletes {

    /** Rows per DELETE statement. */
    public static final int BATCH = 10_000;

    private BatchedDeletes() {
    }

    /**
     * Deletes from {@code table} the rows that {@code rowsToDelete} finds ({@code select ctid from <table> ...}),
     * {@link #BATCH} at a time, until a batch comes back short; returns how many went. The select must use an index
     * so that each batch is cheap. Two runs at once are harmless: a row one of them deleted is skipped by the other.
     */
    public static int delete(JdbcClient jdbc, String table, String rowsToDelete, Map<String, ?> params) {
        String sql = "delete from " + table + " where ctid = any(array(" + rowsToDelete + " limit " + BATCH + "))";
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(sql).params(params).update();
            total += deleted;
        }
        while (deleted == BATCH);
        return total;
    }
}
