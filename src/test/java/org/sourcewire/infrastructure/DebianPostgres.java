package org.sourcewire.infrastructure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server from Debian's packages ({@code postgresql-NN}), started on loopback for one test in a temporary
 * folder: the kind of server a self-hoster runs, with the client tools (pg_dump, pg_restore) the embedded binaries
 * lack. Debian's server refuses to run as root, so as root it runs as the {@code postgres} user.
 */
final class DebianPostgres implements AutoCloseable {

    /** A test's server needs no crash safety; without it the app's migrations run several times faster. */
    private static final String THROWAWAY = " -c fsync=off -c synchronous_commit=off";

    private final Path bin;
    private final Path folder;
    private final int port;

    private DebianPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /**
     * Starts the newest installed Debian PostgreSQL, or skips the test with install instructions. Under CI
     * ({@code CI=true}, set by {@code .ci/run}, which installs the package) a missing server fails the test instead.
     */
    static DebianPostgres startOrSkip() throws IOException, InterruptedException {
        Optional<Path> bin = newestBinaries();
        String missing = "Debian's PostgreSQL server is not installed (apt-get install postgresql); skipping.";
        if (bin.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing + " Under CI it is required: .ci/run installs it.");
        }
        Assumptions.assumeTrue(bin.isPresent(), missing);
        Path folder = Files.createTempDirectory("sourcewire-debian-pg");
        DebianPostgres server = new DebianPostgres(bin.get(), folder, freePort());
        server.start();
        return server;
    }

    String version() {
        return bin.getParent().getFileName().toString();
    }

    /** The client tools of this server's version, for a test's PATH. */
    Path binaries() {
        return bin;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
        }
        finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    /**
     * A streaming replica of this server ({@code pg_basebackup -R}: a hot standby that follows the primary's WAL), on
     * a port of its own. The caller closes it before the primary.
     */
    DebianPostgres standby() throws IOException, InterruptedException {
        Path standbyFolder = Files.createTempDirectory("sourcewire-debian-pg-standby");
        DebianPostgres standby = new DebianPostgres(bin, standbyFolder, freePort());
        if (isRoot()) {
            exec(List.of("chown", "-R", "postgres:postgres", standbyFolder.toString()));
        }
        run(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                "postgres", "-D", standby.data().toString(), "-R", "-X", "stream", "--no-sync",
                // An immediate checkpoint: the default spreads it over minutes, which the test would wait out.
                "--checkpoint=fast"));
        standby.startServer();
        return standby;
    }

    private void start() throws IOException, InterruptedException {
        if (isRoot()) {
            exec(List.of("chown", "-R", "postgres:postgres", folder.toString()));
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "postgres", "--auth=trust",
                "--encoding=UTF8", "--no-locale", "--no-sync"));
        startServer();
    }

    private void startServer() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", folder.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1" + THROWAWAY, "-w", "start"));
    }

    private Path data() {
        return folder.resolve("data");
    }

    /** Runs a server command as the server's user. */
    private static void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        exec(full);
    }

    private static void exec(List<String> full) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Optional<Path> newestBinaries() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb"))
                            && Files.isExecutable(bin.resolve("pg_basebackup")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString())));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
