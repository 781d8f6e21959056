package org.sourcewire.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local chat service for the webhook tests: records every POST's body and answers with the statuses queued (200
 * once they run out), as Slack or Teams would. Served on loopback, which the tests' safe fetcher may reach.
 */
public final class WebhookServer implements AutoCloseable {

    /** One POST received. */
    public record Received(String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, ConcurrentLinkedDeque<Integer>> statuses = new java.util.concurrent.ConcurrentHashMap<>();

    public WebhookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    /** An address on this server, like a Slack webhook's: {@code http://127.0.0.1:port/services/…}. */
    public String address(String path) {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    /** The next POSTs to this path get these statuses, in order; then 200 again. */
    public void answer(String path, int... next) {
        for (int status : next) {
            statuses.computeIfAbsent(path, key -> new ConcurrentLinkedDeque<>()).addLast(status);
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What this path received. */
    public List<Received> received(String path) {
        return received.stream().filter(one -> one.path().equals(path)).toList();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if ("POST".equals(exchange.getRequestMethod())) {
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
        }
        ConcurrentLinkedDeque<Integer> queued = statuses.get(exchange.getRequestURI().getPath());
        Integer status = queued == null ? null : queued.pollFirst();
        byte[] answer = (status == null || status < 300 ? "ok" : "no_service").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
