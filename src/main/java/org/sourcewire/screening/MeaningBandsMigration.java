package org.sourcewire.screening;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Computes every stored meaning's bands again with today's {@link Meanings#BANDS} and {@link Meanings#BITS} (32 bands
 * of 12 planes, where there were 20 of 16, so reworded copies are found more often). Run once by Flyway, like the SQL
 * migrations; streams the meanings, so it holds few of them in memory at a time.
 */
@Component
class MeaningBandsMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("21");
    }

    @Override
    public String getDescription() {
        return "screening meaning bands";
    }

    @Override
    public Integer getChecksum() {
        return Meanings.BANDS * 100 + Meanings.BITS;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from pitch_meaning_band");
        }
        try (Statement read = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into pitch_meaning_band (band_hash, pitch_id) values (?, ?)")) {
            read.setFetchSize(500);
            try (ResultSet rows = read.executeQuery("select pitch_id, vector from pitch_meaning")) {
                int batched = 0;
                while (rows.next()) {
                    long pitchId = rows.getLong(1);
                    Array stored = rows.getArray(2);
                    Float[] values = (Float[]) stored.getArray();
                    float[] meaning = new float[values.length];
                    for (int i = 0; i < values.length; i++) {
                        meaning[i] = values[i];
                    }
                    for (long band : Meanings.bands(meaning)) {
                        insert.setLong(1, band);
                        insert.setLong(2, pitchId);
                        insert.addBatch();
                    }
                    if (++batched % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }
}
