package org.sourcewire;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP against the running app (real Tomcat, real error pages, real session cookie), for the few things MockMvc
 * cannot show, such as the error pages the container renders.
 */
public class RealBrowserlessClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public RealBrowserlessClient(int port) {
        this("http://localhost:" + port);
    }

    private RealBrowserlessClient(String base) {
        this.base = base;
    }

    /** A client of the app (or of a proxy in front of it) at this address, e.g. {@code http://127.0.0.1:8080}. */
    public static RealBrowserlessClient at(String base) {
        return new RealBrowserlessClient(base);
    }

    /** @param headers extra request headers, as name, value, name, value ... */
    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).header("Accept", "text/html").GET().build());
    }

    /** Logs in through the real form, CSRF token and all; the extra headers go with both requests. */
    public HttpResponse<String> logIn(String email, String password, String... headers) {
        Matcher csrf = CSRF.matcher(get("/login", headers).body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on the log-in page");
        }
        String form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return send(request("/login", headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return headers.length == 0 ? request : request.headers(headers);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
