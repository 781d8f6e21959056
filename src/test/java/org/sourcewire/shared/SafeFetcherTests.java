package org.sourcewire.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one fetcher for addresses users give: what it fetches, what it refuses, and its limits. */
class SafeFetcherTests {

    static HttpServer server;
    static String base;
    static volatile String lastPosted;
    static volatile String lastPostedType;
    static final java.util.concurrent.atomic.AtomicInteger unavailableHits = new java.util.concurrent.atomic.AtomicInteger();

    final SafeFetcher loopbackAllowed = fetcher(true);
    final SafeFetcher production = fetcher(false);

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page", exchange -> send(exchange, 200, "text/html; charset=utf-8", "<title>Ünïcode</title>"));
        server.createContext("/pdf", exchange -> send(exchange, 200, "application/pdf", "%PDF-1.7"));
        server.createContext("/big", exchange -> send(exchange, 200, "text/html", "x".repeat(300_000)));
        server.createContext("/redirect", exchange -> redirect(exchange, "/page"));
        server.createContext("/loop", exchange -> redirect(exchange, "/loop"));
        server.createContext("/to-private", exchange -> redirect(exchange, "http://10.1.2.3/page"));
        server.createContext("/to-metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "text/html", "late");
        });
        server.createContext("/hook", exchange -> {
            lastPosted = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastPostedType = exchange.getRequestHeaders().getFirst("Content-Type");
            send(exchange, 200, "text/plain", "ok");
        });
        server.createContext("/hook-unavailable", exchange -> {
            unavailableHits.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 503, "text/plain", "down");
        });
        server.createContext("/hook-moved", exchange -> {
            lastPosted = null;
            redirect(exchange, "/hook");
        });
        server.createContext("/hook-trickle", exchange -> trickle(exchange));
        server.createContext("/trickle", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            trickle(exchange);
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Within the read time-out between bytes, for 30 s: only the overall deadline ends it. */
    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
                out.write('.');
                out.flush();
                Thread.sleep(300);
            }
        }
        catch (InterruptedException | IOException ex) {
            // the client hung up
        }
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void aPageIsFetchedWithItsCharsetAndRedirectsAreFollowed() throws Exception {
        SafeFetcher.Page page = loopbackAllowed.fetchHtml(base + "/page");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<title>Ünïcode</title>");
        assertThat(loopbackAllowed.fetchHtml(base + "/redirect").finalUri().getPath()).isEqualTo("/page");
    }

    @Test
    void loopbackPrivateAndMetadataAddressesAreRefusedWithoutTheTestSetting() {
        for (String address : new String[] { base + "/page", "http://localhost:" + server.getAddress().getPort() + "/page",
                "http://[::1]/", "http://10.0.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
                "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/" }) {
            assertThatThrownBy(() -> production.fetchHtml(address)).as(address).isInstanceOf(SafeFetcher.FetchRefused.class)
                    .hasMessage("shared.rule.fetch-private");
        }
    }

    @Test
    void aRedirectIsCheckedLikeTheFirstAddress() {
        assertThatThrownBy(() -> loopbackAllowed.fetchHtml(base + "/to-private")).hasMessage("shared.rule.fetch-private");
        assertThatThrownBy(() -> loopbackAllowed.fetchHtml(base + "/to-metadata")).hasMessage("shared.rule.fetch-private");
        assertThatThrownBy(() -> loopbackAllowed.fetchHtml(base + "/to-file"))
                .hasMessage("shared.rule.fetch-redirect-refused");
        assertThatThrownBy(() -> loopbackAllowed.fetchHtml(base + "/loop")).hasMessage("shared.rule.fetch-too-many-redirects [3]");
    }

    @Test
    void otherSchemesNonPagesLargePagesAndSlowSitesAreRefused() {
        for (String address : new String[] { "ftp://example.com/", "file:///etc/passwd", "javascript:alert(1)", "not a url",
                "http://user:secret@example.com/", "" }) {
            assertThatThrownBy(() -> loopbackAllowed.fetchHtml(address)).as(address).isInstanceOf(SafeFetcher.FetchRefused.class);
        }
        assertThatThrownBy(() -> loopbackAllowed.fetchHtml(base + "/pdf")).hasMessage("shared.rule.fetch-not-html [application/pdf]");
        assertThatThrownBy(() -> loopbackAllowed.fetchHtml(base + "/big")).hasMessage("shared.rule.fetch-too-large");
        assertThatThrownBy(() -> loopbackAllowed.fetchHtml(base + "/slow")).hasMessageStartingWith("shared.rule.fetch-unreachable ");
    }

    @Test
    void aRequestThatEndsCancelsItsDeadline() throws Exception {
        try (SafeFetcher fetcher = fetcher(true)) {
            fetcher.fetchHtml(base + "/redirect");
            fetcher.postJson(base + "/hook", "{}");
            assertThatThrownBy(() -> fetcher.postJson(base + "/hook-moved", "{}")).isInstanceOf(SafeFetcher.FetchRefused.class);
            assertThat(fetcher.pendingDeadlines()).isZero();
        }
    }

    @Test
    void aJsonPostIsDeliveredAndItsAnswerRead() throws Exception {
        SafeFetcher.Posted posted = loopbackAllowed.postJson(base + "/hook", "{\"text\":\"Ünïcode\"}");
        assertThat(posted.ok()).isTrue();
        assertThat(posted.body()).isEqualTo("ok");
        assertThat(lastPosted).isEqualTo("{\"text\":\"Ünïcode\"}");
        assertThat(lastPostedType).startsWith("application/json");
    }

    @Test
    void aPostThatFailsIsSentOnceTheCallerDecidesAboutRetries() throws Exception {
        SafeFetcher.Posted posted = loopbackAllowed.postJson(base + "/hook-unavailable", "{}");
        assertThat(posted.status()).isEqualTo(503);
        assertThat(posted.body()).isEqualTo("down");
        assertThat(unavailableHits).hasValue(1);
    }

    @Test
    void aPostIsNeverRedirectedNorSentToAPrivateAddress() {
        assertThatThrownBy(() -> loopbackAllowed.postJson(base + "/hook-moved", "{}"))
                .hasMessage("shared.rule.fetch-post-redirected [302]");
        assertThat(lastPosted).isNull();
        for (String address : new String[] { base + "/hook", "http://10.0.0.1/hook", "http://169.254.169.254/",
                "http://[::1]/hook" }) {
            assertThatThrownBy(() -> production.postJson(address, "{}")).as(address).hasMessage("shared.rule.fetch-private-post");
            assertThatThrownBy(() -> production.checkAddress(address)).as(address).hasMessage("shared.rule.fetch-private-post");
        }
        assertThatThrownBy(() -> production.postJson("ftp://example.com/", "{}")).hasMessage("shared.rule.fetch-not-http");
    }

    @Test
    void aPostGivesUpAtTheDeadlineEvenWhileTheAnswerTrickles() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> loopbackAllowed.postJson(base + "/hook-trickle", "{}")).hasMessage("shared.rule.fetch-too-slow");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void aFetchGivesUpAtTheDeadlineEvenWhileThePageTrickles() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> loopbackAllowed.fetchHtml(base + "/trickle")).hasMessage("shared.rule.fetch-too-slow");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        long again = System.nanoTime();
        assertThatThrownBy(() -> loopbackAllowed.fetchText(base + "/hook-trickle")).hasMessage("shared.rule.fetch-too-slow");
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void onlyAddressesAnybodyOnTheInternetCouldReachArePublic() throws Exception {
        for (String address : new String[] { "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111" }) {
            assertThat(SafeFetcher.isPublic(InetAddress.getByName(address), false)).as(address).isTrue();
        }
        for (String address : new String[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "100.64.0.1",
                "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "fe80::1", "fd00::1",
                "::ffff:10.0.0.1", "2001:db8::1" }) {
            assertThat(SafeFetcher.isPublic(InetAddress.getByName(address), false)).as(address).isFalse();
        }
        assertThat(SafeFetcher.isPublic(InetAddress.getByName("127.0.0.1"), true)).isTrue();
        assertThat(SafeFetcher.isPublic(InetAddress.getByName("10.1.2.3"), true)).isFalse();
    }

    @Test
    void anIpv6AddressThatCarriesAnIpv4AddressIsJudgedByThatAddress() throws Exception {
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address inside them; Teredo (2001::/32) hides its own.
        for (String address : new String[] { "64:ff9b::808:808", "2002:808:808::1" }) {
            assertThat(SafeFetcher.isPublic(InetAddress.getByName(address), false)).as(address).isTrue();
        }
        for (String address : new String[] { "64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe",
                "64:ff9b::c0a8:1", "2002:a00:1::", "2002:7f00:1::1", "2002:a9fe:a9fe::1", "2002:c0a8:101::",
                "64:ff9b:1::808:808", "64:ff9b:1:a00:1::", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1" }) {
            assertThat(SafeFetcher.isPublic(InetAddress.getByName(address), false)).as(address).isFalse();
        }
    }

    private static SafeFetcher fetcher(boolean allowLoopback) {
        return new SafeFetcher(new SafeFetcher.Settings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5),
                200_000, 3, "Sourcewire tests", allowLoopback));
    }

    private static void redirect(HttpExchange exchange, String to) throws IOException {
        exchange.getResponseHeaders().add("Location", to);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
