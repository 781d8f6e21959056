package org.sourcewire.infrastructure;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sourcewire.SourcewireApplication;
import org.sourcewire.mail.TestSmtp;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's own data is crash-safe, and the README's backups bring it back: for the embedded PostgreSQL of
 * {@code ./mvnw spring-boot:run} (a copy of its data folder while the app is stopped) and for a PostgreSQL server of
 * one's own (pg_dump and pg_restore), each through {@code src/main/scripts/sourcewire-backup} as the README shows.
 */
class BackupRestoreTests {

    private static final Path SCRIPT = Path.of("src/main/scripts/sourcewire-backup");

    @Test
    void theEmbeddedDataFolderIsCrashSafeAndItsBackupBringsTheDataBack(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("postgres");
        String email = "kept-" + UUID.randomUUID() + "@example.com";
        // The test configuration asks for a fast, non-durable embedded server; a data folder must be crash-safe anyway.
        String[] persistent = { "sourcewire.embedded-postgres.data-directory=" + data,
                "sourcewire.embedded-postgres.durable=false" };

        try (ConfigurableApplicationContext app = start(persistent)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(durability(jdbc)).as("pg_settings of the app's persistent embedded server")
                    .containsExactlyInAnyOrderEntriesOf(Map.of("fsync", "on", "synchronous_commit", "on",
                            "full_page_writes", "on"));
            insertAccount(jdbc, email);

            Result whileRunning = script(Map.of(), "embedded-backup", folder.resolve("early.tar.gz").toString(), data.toString());
            assertThat(whileRunning.exitCode()).as("a running server's files are not a consistent copy").isEqualTo(1);
            assertThat(whileRunning.output()).contains("stop Sourcewire first");
        }

        Path backup = folder.resolve("sourcewire.tar.gz");
        assertThat(script(Map.of(), "embedded-backup", backup.toString(), data.toString()).exitCode()).isZero();
        FileSystemUtils.deleteRecursively(data);
        Result restore = script(Map.of(), "embedded-restore", backup.toString(), data.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();

        try (ConfigurableApplicationContext app = start(persistent)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(accountNames(jdbc, email)).containsExactly("Kept Through A Backup");
            assertThat(durability(jdbc)).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on");
        }
    }

    @Test
    void anOwnServersDumpRestoresIntoAnEmptyDatabase(@TempDir Path folder) throws Exception {
        try (DebianPostgres server = DebianPostgres.startOrSkip()) {
            server.createDatabase("sourcewire");
            String email = "dumped-" + UUID.randomUUID() + "@example.com";
            JavaMigration[] javaMigrations;
            try (ConfigurableApplicationContext app = start("spring.datasource.url=" + server.jdbcUrl("sourcewire"),
                    "spring.datasource.username=postgres", "spring.datasource.password=")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("show server_version_num").query(String.class).single())
                        .startsWith(server.version());
                insertAccount(jdbc, email);
                javaMigrations = app.getBeansOfType(JavaMigration.class).values().toArray(JavaMigration[]::new);
            }

            Path dump = folder.resolve("sourcewire.dump");
            String path = server.binaries() + ":" + System.getenv("PATH");
            Result backup = script(environment(server.jdbcUrl("sourcewire"), path), "dump", dump.toString());
            assertThat(backup.exitCode()).as(backup.output()).isZero();

            server.createDatabase("restored");
            Result restore = script(environment(server.jdbcUrl("restored"), path), "restore", dump.toString());
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            Result again = script(environment(server.jdbcUrl("restored"), path), "restore", dump.toString());
            assertThat(again.exitCode()).as("a second restore would mix two databases").isEqualTo(1);
            assertThat(again.output()).contains("restore into an empty database");

            DriverManagerDataSource restored = new DriverManagerDataSource(server.jdbcUrl("restored"), "postgres", "");
            assertThat(accountNames(JdbcClient.create(restored), email)).containsExactly("Kept Through A Backup");
            // The schema history came along: the app starts on the restored database without migrating again.
            assertThat(Flyway.configure().dataSource(restored).locations("classpath:db/migration")
                    .javaMigrations(javaMigrations).load().validateWithResult().validationSuccessful).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        List<String> arguments = new ArrayList<>();
        // As command-line arguments, so they win over the test class path's application.yml.
        for (String property : properties) {
            arguments.add("--" + property);
        }
        return new SpringApplicationBuilder(SourcewireApplication.class)
                // The test class path's helper components (scanned here too) need a MockMvcTester.
                .initializers(new TestSmtp.Initializer(), context -> ((GenericApplicationContext) context).registerBean(
                        MockMvcTester.class, () -> MockMvcTester.from((WebApplicationContext) context)))
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false")
                .run(arguments.toArray(String[]::new));
    }

    private static Map<String, String> durability(JdbcClient jdbc) {
        return jdbc.sql("select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes')")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void insertAccount(JdbcClient jdbc, String email) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into account (email, password_hash, display_name, role, password_changed_at, created_at)
                values (:email, 'not a hash', 'Kept Through A Backup', 'SOURCE', :now, :now)""")
                .param("email", email).param("now", now).update();
    }

    private static List<String> accountNames(JdbcClient jdbc, String email) {
        return jdbc.sql("select display_name from account where email = :email").param("email", email)
                .query(String.class).list();
    }

    private static Map<String, String> environment(String jdbcUrl, String path) {
        return Map.of("SPRING_DATASOURCE_URL", jdbcUrl, "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "", "PATH", path);
    }

    private static Result script(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the backup script finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
