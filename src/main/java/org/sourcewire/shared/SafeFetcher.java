package org.sourcewire.shared;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * The one way Sourcewire fetches an address a user gave (an article, a website to verify): http and https only;
 * public addresses only, checked by the HTTP client's own DNS resolver, so every connection is vetted, after every
 * redirect, and a name cannot resolve to a public address for the check and a private one for the connection; a few
 * redirects at most, each followed by hand; connect and read time-outs and an overall deadline; a size cap; a clear
 * User-Agent; and, when asked for, HTML only. Loopback is allowed only by an explicit setting, for tests.
 */
public class SafeFetcher implements AutoCloseable {

    /** What a fetch found: the address it ended at (after redirects), its content type and its body, as text. */
    public record Page(URI finalUri, int status, String contentType, String body) {
    }

    /**
     * Why a fetch was refused or failed: a key of {@code messages.properties} with its arguments, whose words a user can
     * act on ({@link Messages#text(MessageSourceResolvable)}, or {@link #rejectIn} on a form). Its message is the key
     * and the arguments, for logs.
     */
    public static class FetchRefused extends Exception implements MessageSourceResolvable {

        private final String code;

        private final Object[] arguments;

        public FetchRefused(String code, Object... arguments) {
            super(code + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
            this.code = code;
            this.arguments = arguments.clone();
        }

        @Override
        public String[] getCodes() {
            return new String[] { code };
        }

        @Override
        public Object[] getArguments() {
            return arguments.clone();
        }

        /** Shows the refusal beside a form's field. */
        public void rejectIn(Errors errors, String field) {
            errors.rejectValue(field, code, arguments, null);
        }
    }

    /**
     * @param connectTimeout time to connect
     * @param readTimeout time between bytes
     * @param deadline the whole fetch, redirects included
     * @param maxBytes the most bytes of a body read; a longer body is refused
     * @param maxRedirects redirects followed at most
     * @param userAgent how Sourcewire names itself to the sites it fetches
     * @param allowLoopback tests only: loopback addresses count as public
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, Duration deadline, int maxBytes,
            int maxRedirects, String userAgent, boolean allowLoopback) {
    }

    /** What a POST got back: the status and the start of the answer, for a message to the user. */
    public record Posted(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The most of a POST's answer that is read: only its start is ever shown. */
    private static final int POST_ANSWER_BYTES = 1024;

    private final Settings settings;
    private final DnsResolver resolver;
    private final CloseableHttpClient client;
    private final CloseableHttpClient postClient;
    /**
     * Cuts each request off at its deadline: one daemon thread for all of this fetcher's requests, each one's timer
     * cancelled when it ends. (CompletableFuture's delayed executor ran every cut-off, due or not, on a new thread.)
     */
    private final ScheduledThreadPoolExecutor deadlines;

    public SafeFetcher(Settings settings) {
        this.settings = settings;
        this.deadlines = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "safe-fetcher-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.deadlines.setRemoveOnCancelPolicy(true);
        this.resolver = new PublicOnlyResolver(settings.allowLoopback());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout())).build())
                .setMaxConnTotal(20).setMaxConnPerRoute(2)
                .build();
        this.client = client(connections, settings).build();
        // The client's own retries re-send a POST after a 503 or 429: the webhook outbox decides about retries itself.
        this.postClient = client(connections, settings).disableAutomaticRetries().setConnectionManagerShared(true).build();
    }

    private static HttpClientBuilder client(HttpClientConnectionManager connections, Settings settings) {
        // No proxy from system properties: a proxy would resolve the name itself, past the check.
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent());
    }

    /** Deadlines not yet run out, of requests still under way (for tests: an ended request leaves none). */
    int pendingDeadlines() {
        return deadlines.getQueue().size();
    }

    /** Stops the deadlines' thread (a bean's, when the application stops). */
    @Override
    public void close() {
        deadlines.shutdownNow();
    }

    /** Fetches an HTML page: anything else (a PDF, an image, a download) is refused. */
    public Page fetchHtml(String address) throws FetchRefused {
        return fetch(address, Want.HTML);
    }

    /** Fetches a small text resource (e.g. a verification file). */
    public Page fetchText(String address) throws FetchRefused {
        return fetch(address, Want.TEXT);
    }

    /**
     * Where an address leads after its redirects (a link in an article, say), without reading what is there: the
     * page's body is left unread and its connection dropped.
     */
    public URI finalAddress(String address) throws FetchRefused {
        return fetch(address, Want.ADDRESS).finalUri();
    }

    /**
     * Posts a small JSON document (a webhook message) under the same address rules as a fetch. A redirect is not
     * followed: a redirected POST would lose its body or be replayed to an address the user never gave. The whole
     * exchange is cut off at the deadline, a slow trickle of an answer included, and only the start of the answer is
     * read.
     */
    public Posted postJson(String address, String json) throws FetchRefused {
        URI uri = parse(address);
        HttpPost post = new HttpPost(uri);
        post.setHeader("Accept", "application/json, text/plain;q=0.9, */*;q=0.1");
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        ScheduledFuture<?> cutOff = deadlines.schedule(post::cancel, settings.deadline().toNanos(), TimeUnit.NANOSECONDS);
        try {
            return postClient.execute(post, HttpClientContext.create(), response -> {
                int status = response.getCode();
                if (status >= 300 && status < 400) {
                    throw new RefusedWhileReading(new FetchRefused("shared.rule.fetch-post-redirected", String.valueOf(status)));
                }
                HttpEntity entity = response.getEntity();
                byte[] start = entity == null ? new byte[0] : entity.getContent().readNBytes(POST_ANSWER_BYTES);
                return new Posted(status, new String(start, StandardCharsets.UTF_8).strip());
            });
        }
        catch (RefusedWhileReading ex) {
            throw ex.refusal;
        }
        catch (UnknownHostException ex) {
            throw new FetchRefused(ex.getMessage() != null && ex.getMessage().startsWith("Not a public address")
                    ? "shared.rule.fetch-private-post" : "shared.rule.fetch-unknown-host");
        }
        catch (IOException ex) {
            if (System.nanoTime() >= deadline || post.isCancelled()) {
                throw new FetchRefused("shared.rule.fetch-too-slow");
            }
            throw new FetchRefused("shared.rule.fetch-unreachable", ex.getClass().getSimpleName());
        }
        finally {
            cutOff.cancel(false);
        }
    }

    /**
     * Checks an address now, as a fetch or a POST would when it connects: http or https, a name that resolves, public
     * addresses only. For a form, so a user hears at once what a later delivery would refuse.
     */
    public void checkAddress(String address) throws FetchRefused {
        URI uri = parse(address);
        try {
            resolver.resolve(uri.getHost());
        }
        catch (UnknownHostException ex) {
            throw new FetchRefused(ex.getMessage() != null && ex.getMessage().startsWith("Not a public address")
                    ? "shared.rule.fetch-private-post" : "shared.rule.fetch-unknown-host");
        }
    }

    private enum Want {
        HTML, TEXT, ADDRESS
    }

    private Page fetch(String address, Want want) throws FetchRefused {
        boolean htmlOnly = want == Want.HTML;
        URI uri = parse(address);
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new FetchRefused("shared.rule.fetch-too-slow");
            }
            URI current = uri;
            HttpGet get = new HttpGet(current);
            get.setHeader("Accept", htmlOnly ? "text/html,application/xhtml+xml" : "text/plain,text/html;q=0.5");
            // The read time-out is between bytes: a site trickling a byte at a time is cut off here, mid-body if need be.
            ScheduledFuture<?> cutOff = deadlines.schedule(get::cancel, left, TimeUnit.NANOSECONDS);
            try {
                Object result = client.execute(get, HttpClientContext.create(), response -> answer(current, response, want));
                if (result instanceof Page page) {
                    return page;
                }
                uri = (URI) result;
            }
            catch (Arrived ex) {
                return new Page(ex.at, ex.status, "", "");
            }
            catch (RefusedWhileReading ex) {
                throw ex.refusal;
            }
            catch (UnknownHostException ex) {
                throw new FetchRefused(ex.getMessage() != null && ex.getMessage().startsWith("Not a public address")
                        ? "shared.rule.fetch-private" : "shared.rule.fetch-unknown-host");
            }
            catch (IOException ex) {
                if (System.nanoTime() >= deadline || get.isCancelled()) {
                    throw new FetchRefused("shared.rule.fetch-too-slow");
                }
                throw new FetchRefused("shared.rule.fetch-unreachable", ex.getClass().getSimpleName());
            }
            finally {
                cutOff.cancel(false);
            }
        }
        throw new FetchRefused("shared.rule.fetch-too-many-redirects", settings.maxRedirects());
    }

    /** A page, or the next address to follow. */
    private Object answer(URI current, ClassicHttpResponse response, Want want) throws IOException {
        boolean htmlOnly = want == Want.HTML;
        int status = response.getCode();
        if (status >= 300 && status < 400 && status != 304) {
            Header location = response.getFirstHeader("Location");
            if (location == null) {
                throw new RefusedWhileReading(new FetchRefused("shared.rule.fetch-redirect-without-location"));
            }
            try {
                return checkScheme(current.resolve(location.getValue().strip()));
            }
            catch (IllegalArgumentException | FetchRefused ex) {
                throw new RefusedWhileReading(new FetchRefused("shared.rule.fetch-redirect-refused"));
            }
        }
        if (want == Want.ADDRESS) {
            // Thrown rather than returned: the client drops the connection instead of reading the rest of the body.
            throw new Arrived(current, status);
        }
        HttpEntity entity = response.getEntity();
        ContentType type = entity == null ? null : ContentType.parseLenient(entity.getContentType());
        String mime = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
        if (htmlOnly && status < 400 && !mime.equals("text/html") && !mime.equals("application/xhtml+xml")) {
            throw new RefusedWhileReading(mime.isEmpty() ? new FetchRefused("shared.rule.fetch-not-html-untyped")
                    : new FetchRefused("shared.rule.fetch-not-html", mime));
        }
        if (entity != null && entity.getContentLength() > settings.maxBytes()) {
            throw new RefusedWhileReading(new FetchRefused("shared.rule.fetch-too-large"));
        }
        byte[] body = entity == null ? new byte[0] : read(entity.getContent());
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        return new Page(current, status, mime, new String(body, charset));
    }

    private byte[] read(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(settings.maxBytes() + 1);
            if (body.length > settings.maxBytes()) {
                throw new RefusedWhileReading(new FetchRefused("shared.rule.fetch-too-large"));
            }
            return body;
        }
    }

    private static URI parse(String address) throws FetchRefused {
        try {
            return checkScheme(new URI(address == null ? "" : address.strip()));
        }
        catch (java.net.URISyntaxException ex) {
            throw new FetchRefused("shared.rule.fetch-not-an-address");
        }
    }

    private static URI checkScheme(URI uri) throws FetchRefused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new FetchRefused("shared.rule.fetch-not-http");
        }
        return uri;
    }

    /** Whether an address is one anybody on the internet could reach: not loopback, private, link-local and so on. */
    static boolean isPublic(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 16) {
            // IPv4-mapped or -compatible IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address inside it.
            boolean mapped = Arrays.equals(Arrays.copyOf(b, 10), new byte[10])
                    && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0));
            // So is the IPv4 address a NAT64 gateway (64:ff9b::/96) or a 6to4 relay (2002::/16) passes a connection on to.
            boolean nat64 = Arrays.equals(Arrays.copyOf(b, 12), new byte[] { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0,
                    0, 0, 0, 0, 0 });
            boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
            if (mapped || nat64 || sixToFour) {
                int from = sixToFour ? 2 : 12;
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4)), allowLoopback);
                }
                catch (UnknownHostException ex) {
                    return false;
                }
            }
            int first = b[0] & 0xff;
            // 64:ff9b:1::/48 is NAT64 for local use only (RFC 8215), its IPv4 address wherever the network put it.
            boolean localNat64 = Arrays.equals(Arrays.copyOf(b, 6), new byte[] { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1 });
            // Teredo (2001::/32) tunnels to an IPv4 address it hides: not public, like a web server never is there.
            boolean teredo = first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0;
            // fc00::/7 unique local; 2001:db8::/32 documentation.
            return !localNat64 && !teredo && (first & 0xfe) != 0xfc && !(first == 0x20 && (b[1] & 0xff) == 0x01
                    && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8);
        }
        int a = b[0] & 0xff;
        int second = b[1] & 0xff;
        return a != 0 // "this network"
                && !(a == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64.0.0/10
                && !(a == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments, 192.0.0.0/24
                && !(a == 198 && (second == 18 || second == 19)) // benchmarking, 198.18.0.0/15
                && a < 224; // multicast and reserved, 224.0.0.0 and up (255.255.255.255 included)
    }

    /** Resolves names as the system does, then refuses any answer with an address that is not public. */
    private static final class PublicOnlyResolver implements DnsResolver {

        private final boolean allowLoopback;

        PublicOnlyResolver(boolean allowLoopback) {
            this.allowLoopback = allowLoopback;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                if (!isPublic(address, allowLoopback)) {
                    throw new UnknownHostException("Not a public address: " + host);
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }

    /** The address a redirect chain ended at, carried out of the response handler with the body unread. */
    private static final class Arrived extends IOException {

        private final URI at;
        private final int status;

        Arrived(URI at, int status) {
            super("arrived at " + at);
            this.at = at;
            this.status = status;
        }
    }

    /** A refusal decided while the answer was read, carried out of the response handler. */
    private static final class RefusedWhileReading extends IOException {

        private final FetchRefused refusal;

        RefusedWhileReading(FetchRefused refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }
}
