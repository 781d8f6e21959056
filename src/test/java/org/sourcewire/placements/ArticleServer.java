package org.sourcewire.placements;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local web server for the placement tests: fixture articles, redirects, huge, slow and non-HTML answers. The
 * articles are served as {@code 127.0.0.1} and the sources' sites as {@code localhost}, two different hosts, as an
 * outlet and an expert's site would be. The tests' configuration lets the safe fetcher reach loopback.
 */
public final class ArticleServer implements AutoCloseable {

    /** What one path answers. */
    public record Fixture(int status, String type, String body, long delayMillis, String location) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Fixture> fixtures = new ConcurrentHashMap<>();
    private volatile Fixture fallback = new Fixture(200, "text/html", "<html><body>Home</body></html>", 0, null);

    public ArticleServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    /** Where articles are: {@code http://127.0.0.1:port}. */
    public String article() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where the sources' sites are: {@code http://localhost:port}. */
    public String site() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void put(String path, Fixture fixture) {
        fixtures.put(path, fixture);
    }

    /** What every path without a fixture of its own answers (a home page, unless set). */
    public void fallback(Fixture fixture) {
        fallback = fixture;
    }

    /** An article page at {@code path} with a title, a canonical address, a publication date and this body. */
    public String page(String path, String title, String body) {
        put(path, new Fixture(200, "text/html; charset=utf-8", """
                <html><head><title>%s</title>
                <link rel="canonical" href="https://ledger.example%s">
                <meta property="article:published_time" content="2026-12-01T08:00:00Z"></head>
                <body><article>%s</article></body></html>""".formatted(title, path, body), 0, null));
        return article() + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        Fixture fixture = fixtures.getOrDefault(exchange.getRequestURI().getPath(), fallback);
        try {
            Thread.sleep(fixture.delayMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (fixture.location() != null) {
            exchange.getResponseHeaders().add("Location", fixture.location());
        }
        byte[] body = fixture.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", fixture.type());
        try {
            exchange.sendResponseHeaders(fixture.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
        catch (IOException ex) {
            // The client gave up (a refused huge or slow page): nothing to do.
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
