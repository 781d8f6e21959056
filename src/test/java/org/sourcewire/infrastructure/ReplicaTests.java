package org.sourcewire.infrastructure;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireApplication;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.TestSmtp;
import org.sourcewire.queries.TestQueries;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app on a primary and a real streaming replica of Debian's PostgreSQL ({@code pg_basebackup -R}): a browser's
 * read-only pages come from the replica, and a source who sends a pitch still opens it at once although the replica
 * lags behind. The lag is made certain by pausing the replica's WAL replay. Its own Spring context, as the shared one
 * has no replica.
 */
class ReplicaTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Shorter than the default, so the test sees the pin end. */
    /** Long, so a slow machine cannot end it mid-test; the test drops the cookie where the window would have run out. */
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(60);

    @Test
    void readOnlyPagesComeFromTheReplicaAndAWriterReadsItsOwnWrite() throws Exception {
        try (DebianPostgres primary = DebianPostgres.startOrSkip()) {
            primary.createDatabase("sourcewire");
            com.zaxxer.hikari.HikariDataSource replicaPool;
            try (DebianPostgres replica = primary.standby(); ConfigurableApplicationContext app = start(primary, replica)) {
                replicaPool = ((ReplicaConfiguration.Routing) app.getBean("dataSource")).replica();
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                TestAccounts accounts = app.getBean(TestAccounts.class);
                CurrentUser source = accounts.source();
                long query = app.getBean(TestQueries.class).by(accounts.journalist()).publish();
                Browser browser = new Browser(port);
                assertThat(browser.logIn(source.email()).statusCode()).isEqualTo(302);

                awaitCaughtUp(primary, replica);
                // From here on the replica lags behind the primary by as much as the test writes.
                sql(replica, "select pg_wal_replay_pause()");
                browser.forgetWrites(); // as when the log-in's own pin runs out

                HttpResponse<String> sent = browser.sendPitch(query);
                assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
                assertThat(sent.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(ReadYourWrites.COOKIE + "="));
                String pitch = sent.headers().firstValue("Location").orElseThrow().replace("?sent=true", "");

                assertThat(browser.get(pitch).statusCode()).as("the writer's next page reads from the primary")
                        .isEqualTo(200);

                browser.forgetWrites(); // the pin has run out
                assertThat(browser.get(pitch).statusCode()).as("later, the read-only page reads the paused replica")
                        .isEqualTo(404);

                sql(replica, "select pg_wal_replay_resume()");
                awaitCaughtUp(primary, replica);
                HttpResponse<String> caughtUp = browser.get(pitch);
                assertThat(caughtUp.statusCode()).isEqualTo(200);
                assertThat(caughtUp.body()).contains("Split sleep works better");
            }
            // Closed with the app: a pool left open keeps dialling a replica that is gone.
            assertThat(replicaPool.isClosed()).as("the replica's pool is closed with the app").isTrue();
        }
    }

    private static ConfigurableApplicationContext start(DebianPostgres primary, DebianPostgres replica) {
        String[] arguments = { "--spring.datasource.url=" + primary.jdbcUrl("sourcewire"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--sourcewire.datasource.replica.url=" + replica.jdbcUrl("sourcewire"),
                "--sourcewire.datasource.replica.read-your-writes=" + READ_YOUR_WRITES.toSeconds() + "s" };
        return new SpringApplicationBuilder(SourcewireApplication.class)
                // The test class path's helper components (scanned here too) need a MockMvcTester.
                .initializers(new TestSmtp.Initializer(), context -> ((GenericApplicationContext) context).registerBean(
                        MockMvcTester.class, () -> MockMvcTester.from((WebApplicationContext) context)))
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false")
                .run(arguments);
    }

    /** Waits until the replica has replayed everything the primary has written so far. */
    private static void awaitCaughtUp(DebianPostgres primary, DebianPostgres replica) throws Exception {
        String written = sql(primary, "select pg_current_wal_lsn()");
        long until = System.currentTimeMillis() + 30_000;
        while (!"t".equals(sql(replica, "select pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn"))) {
            assertThat(System.currentTimeMillis()).as("the replica caught up within 30 s").isLessThan(until);
            Thread.sleep(50);
        }
    }

    private static String sql(DebianPostgres server, String select) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("sourcewire"), "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(select)) {
            result.next();
            return result.getString(1);
        }
    }

    /** A browser: real HTTP with a cookie jar, so the session and the read-your-writes cookie travel as they do. */
    private static final class Browser {

        private final String base;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        /** Drops the read-your-writes cookie, as its expiry would: the browser's reads may go to the replica again. */
        void forgetWrites() {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(ReadYourWrites.COOKIE))
                    .toList().forEach(c -> cookies.getCookieStore().remove(null, c));
        }

        Browser(int port) {
            this.base = "http://localhost:" + port;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String email) throws IOException, InterruptedException {
            return post("/login", "/login", Map.of("email", email, "password", TestAccounts.PASSWORD));
        }

        HttpResponse<String> sendPitch(long query) throws IOException, InterruptedException {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("answers[0]", "Shift workers fight their body clock. Split sleep works better: four hours after "
                    + "the shift and a ninety minute nap before the next. Dark, cool rooms matter more than any pill.");
            fields.put("answers[1]", "Melatonin helps a little when taken a few hours before the planned sleep.");
            fields.put("answers[2]", "Forward-rotating rosters and no quick returns under eleven hours.");
            fields.put("whyMe", "I run a sleep clinic for night-shift nurses.");
            fields.put("submissionKey", UUID.randomUUID().toString());
            return post("/queries/" + query + "/pitch", "/queries/" + query + "/pitch", fields);
        }

        /** Posts the form of the page at {@code formPage}, with its CSRF token. */
        private HttpResponse<String> post(String formPage, String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            HttpResponse<String> page = get(formPage);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("a CSRF token on " + formPage + " (" + page.statusCode() + ")").isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf.group(1));
            String form = all.entrySet().stream()
                    .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
