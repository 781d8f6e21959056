package org.sourcewire.web;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx (Debian's package) on loopback in front of the test app, with the {@code proxy_set_header} lines of
 * the docker-compose load balancer ({@code src/main/docker/nginx.conf}), run as a child process with its own prefix,
 * pid and temp folders under {@code target/nginx}. It connects to the app from 127.0.0.2, the one address the test
 * configuration trusts as a proxy, so clients that reach the app directly from 127.0.0.1 stay untrusted.
 * <p>
 * Where nginx is missing the test is skipped with install instructions; under CI ({@code CI=true}) it fails instead.
 */
final class TestNginx implements AutoCloseable {

    static final String NGINX = System.getenv().getOrDefault("NGINX_BIN", "/usr/sbin/nginx");
    static final String PROXY_ADDRESS = "127.0.0.2";
    private static final Path COMPOSE_CONFIG = Path.of("src", "main", "docker", "nginx.conf");
    private static final Pattern PROXY_LINE = Pattern.compile("^\\s*(proxy_set_header|proxy_http_version)\\s.*;\\s*$");

    private final Process process;
    private final Path directory;
    private final int loadBalancerPort;
    private final int relayPort;
    private final int httpsPort;

    private TestNginx(Process process, Path directory, int loadBalancerPort, int relayPort, int httpsPort) {
        this.process = process;
        this.directory = directory;
        this.loadBalancerPort = loadBalancerPort;
        this.relayPort = relayPort;
        this.httpsPort = httpsPort;
    }

    static TestNginx inFrontOf(int appPort) {
        String missing = "The proxy tests need nginx (" + NGINX + "). Install it with: sudo apt-get install nginx";
        boolean installed = new File(NGINX).canExecute();
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(installed, missing);
        try {
            Path directory = Files.createDirectories(Path.of("target", "nginx")).toAbsolutePath();
            Path prefix = Files.createTempDirectory(directory, "run-");
            int loadBalancer = freePort();
            int relay = freePort();
            int https = freePort();
            Path config = prefix.resolve("nginx.conf");
            Files.writeString(config, config(prefix, appPort, loadBalancer, relay, https));
            Process process = new ProcessBuilder(NGINX, "-p", prefix.toString(), "-c", config.toString(),
                    "-e", prefix.resolve("error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("nginx.out").toFile())
                    .start();
            TestNginx nginx = new TestNginx(process, prefix, loadBalancer, relay, https);
            nginx.awaitListening(loadBalancer, relay, https);
            return nginx;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The load balancer, configured as in docker-compose. */
    String url() {
        return "http://127.0.0.1:" + loadBalancerPort;
    }

    /**
     * A hop in front of the load balancer that relays requests from the trusted address 127.0.0.2 and passes the
     * client's headers on untouched, as Docker's published ports do from the network's gateway address: the client
     * then reaches nginx from an address the app trusts.
     */
    String relayUrl() {
        return "http://127.0.0.1:" + relayPort;
    }

    /** Stands in for a TLS-terminating proxy: tells the app the request came over HTTPS. */
    String httpsProxyUrl() {
        return "http://127.0.0.1:" + httpsPort;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The load balancer's {@code proxy_set_header} (and {@code proxy_http_version}) lines, as docker-compose has them. */
    static List<String> composeProxyLines() {
        try {
            return Files.readAllLines(COMPOSE_CONFIG, StandardCharsets.UTF_8).stream()
                    .filter(line -> PROXY_LINE.matcher(line).matches())
                    .map(String::strip)
                    .toList();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String config(Path prefix, int appPort, int loadBalancer, int relay, int https) {
        List<String> proxyLines = composeProxyLines();
        if (proxyLines.stream().noneMatch(line -> line.contains("X-Forwarded-For"))) {
            throw new IllegalStateException("No X-Forwarded-For line found in " + COMPOSE_CONFIG);
        }
        String app = "http://127.0.0.1:" + appPort;
        return """
                # Generated by TestNginx from src/main/docker/nginx.conf.
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;

                    # The load balancer of docker-compose.
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass %3$s;
                            proxy_bind %4$s;
                            %5$s
                        }
                    }

                    # A relay from a trusted address, passing the client's headers on as they are.
                    server {
                        listen 127.0.0.1:%6$d;
                        location / {
                            proxy_pass http://127.0.0.1:%2$d;
                            proxy_bind %4$s;
                            proxy_set_header Host $http_host;
                        }
                    }

                    # A TLS-terminating proxy (without the TLS).
                    server {
                        listen 127.0.0.1:%7$d;
                        location / {
                            proxy_pass %3$s;
                            proxy_bind %4$s;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $remote_addr;
                            proxy_set_header X-Forwarded-Proto https;
                        }
                    }
                }
                """.formatted(prefix, loadBalancer, app, PROXY_ADDRESS, String.join("\n            ", proxyLines),
                relay, https);
    }

    private void awaitListening(int... ports) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int port : ports) {
            while (!listening(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("nginx did not start: "
                            + Files.readString(directory.resolve("nginx.out")) + readIfExists(directory.resolve("error.log")));
                }
                sleep();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
