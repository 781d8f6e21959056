package org.sourcewire.shared;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * A list passed to SQL as one array parameter ({@code unnest(cast(:texts as text[]))}): one statement for all its
 * elements, and no separator that a user's text could contain. {@code JdbcClient} would expand a Java array into a
 * list of parameters, so the array is made on the statement's connection.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** A {@code text[]} parameter. */
    public static SqlTypeValue text(String[] values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf("text", values);
            }
        };
    }
}
