package org.sourcewire.infrastructure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the database work goes besides {@code spring.datasource.*} ({@link ReplicaConfiguration}).
 *
 * @param replica a streaming replica of the primary for read-only work; no URL: everything on the primary
 */
@ConfigurationProperties("sourcewire.datasource")
record DatasourceProperties(@DefaultValue Replica replica) {

    /**
     * @param url JDBC URL of the replica; blank: no replica
     * @param username its user; blank: the primary's
     * @param password its password; used only with a username of its own
     * @param readYourWrites how long a browser's reads stay on the primary after one of its requests wrote
     */
    record Replica(@DefaultValue("") String url, @DefaultValue("") String username, @DefaultValue("") String password,
            @DefaultValue("5s") Duration readYourWrites) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
