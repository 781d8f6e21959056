package org.sourcewire.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every benchmark's HTTP client needs of Sourcewire's pages: the session cookie, the CSRF token, feeder files. */
final class BenchHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private BenchHttp() {
    }

    /** A logged-in session: its cookie and the CSRF token of its pages. */
    record Session(String cookie, String csrf) {
    }

    /**
     * Logs in through the log-in form as a browser does (the form's CSRF token, BCrypt check, a new session), then
     * reads the dashboard for the session's CSRF token.
     */
    static Session logIn(HttpClient http, String base, String email, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String form = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(page.body()));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + cookie(page))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Log-in of " + email + " failed: " + login.statusCode() + " " + location);
        }
        String session = cookie(login);
        HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard"))
                .header("Cookie", "SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Session(session, csrf(dashboard.body()));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The session id a response set. */
    static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("No SESSION cookie in " + response.headers()));
    }

    /** The CSRF token of a page's first form. */
    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token in the page");
        }
        return m.group(1);
    }

    /** A Gatling CSV feeder under {@code out/feeders}. */
    static Path feeder(Path out, String name, String header, List<String> rows) throws IOException {
        Path file = out.resolve("feeders").resolve(name).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n");
        return file;
    }
}
