package org.sourcewire.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sourcewire.ForgetLoopbackThrottling;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a site served over HTTPS needs, as far as the shared test context (plain http, {@code sourcewire.web.https}
 * off) shows it; {@link ProxyConfigurationTests} shows the setting turned on.
 */
@ExtendWith(ForgetLoopbackThrottling.class)
class BehindHttpsTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String FORGED_HOST = "evil.example";

    @LocalServerPort
    int port;

    @Test
    void overPlainHttpTheSessionCookieIsNotSecureAndThereIsNoHsts() {
        MockHttpServletResponse page = mvc.get().uri("/login").exchange().getResponse();

        assertThat(page.getHeader("Set-Cookie")).startsWith("SESSION=").doesNotContainIgnoringCase("secure");
        assertThat(page.getHeader("Strict-Transport-Security")).isNull();
    }

    @Test
    void aRequestThatCameOverHttpsGetsASecureSessionCookieAndHstsForAYear() {
        MockHttpServletResponse page = mvc.get().uri("/login").secure(true).exchange().getResponse();

        assertThat(page.getHeader("Set-Cookie")).startsWith("SESSION=").contains("; Secure");
        // Not for subdomains: on a self-hosted site they may be someone else's, still on plain http.
        assertThat(page.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }

    /**
     * Real HTTP: the servlet container is what would turn a relative redirect into one with the Host header in it.
     * HTTP/1.0 ({@link RawHttp}), for which Tomcat makes every redirect absolute whatever it is told.
     */
    @Test
    void redirectsAreRelativeEvenWithAForgedHost() {
        CurrentUser journalist = accounts.journalist();

        RawHttp.Response toLogIn = RawHttp.get(port, "/queries", Map.of("Host", FORGED_HOST));
        assertThat(toLogIn.header("Location")).hasValue("/login");
        Map<String, String> anonymous = Map.of("Host", FORGED_HOST, "Cookie", toLogIn.cookie("SESSION").orElseThrow());

        String csrf = csrfToken(RawHttp.get(port, "/login", anonymous).body());
        RawHttp.Response failed = RawHttp.postForm(port, "/login", anonymous,
                "email=" + encode(journalist.email()) + "&password=wrong&_csrf=" + encode(csrf));
        assertThat(failed.header("Location")).hasValue("/login?error=bad");

        RawHttp.Response loggedIn = RawHttp.postForm(port, "/login", anonymous,
                "email=" + encode(journalist.email()) + "&password=" + encode(TestAccounts.PASSWORD) + "&_csrf=" + encode(csrf));
        // Back to the page asked for before logging in.
        assertThat(loggedIn.header("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("/queries"));
        Map<String, String> session = Map.of("Host", FORGED_HOST, "Cookie", loggedIn.cookie("SESSION").orElseThrow());

        assertThat(RawHttp.get(port, "/login", session).header("Location")).hasValue("/dashboard");

        String logOutToken = csrfToken(RawHttp.get(port, "/dashboard", session).body());
        assertThat(RawHttp.postForm(port, "/logout", session, "_csrf=" + encode(logOutToken)).header("Location"))
                .hasValue("/?loggedOut");
    }

    @Test
    void everyResponseCarriesAPermissionsPolicy() {
        for (String path : List.of("/", "/login", "/no/such/page", "/assets/css/app.css")) {
            assertThat(mvc.get().uri(path).exchange().getResponse().getHeader("Permissions-Policy")).as(path)
                    .contains("camera=()").contains("microphone=()").contains("geolocation=()").contains("payment=()")
                    .contains("usb=()");
        }
    }

    @Test
    void ourAssetsAndTheWebjarsAreLinkedByVersionedUrlsAndCachedForAYearWhilePagesAreNot() {
        MockHttpServletResponse landing = mvc.get().uri("/").exchange().getResponse();
        assertThat(landing.getHeader("Cache-Control")).contains("no-store");
        String page = body(landing);

        for (String asset : List.of("href=\"(/assets/css/app-[0-9a-f]{32}\\.css)\"",
                "src=\"(/assets/js/app-[0-9a-f]{32}\\.js)\"", "src=\"(/assets/images/logo-[0-9a-f]{32}\\.svg)\"",
                "href=\"(/assets/images/favicon-[0-9a-f]{32}\\.svg)\"",
                "href=\"(/webjars/bootstrap/[0-9][^/\"]*/css/bootstrap\\.min\\.css)\"",
                "src=\"(/webjars/htmx\\.org/[0-9][^/\"]*/dist/htmx\\.min\\.js)\"")) {
            Matcher link = Pattern.compile(asset).matcher(page);
            assertThat(link.find()).as("the page links to %s", asset).isTrue();

            MockHttpServletResponse file = mvc.get().uri(link.group(1)).exchange().getResponse();
            assertThat(file.getStatus()).as(link.group(1)).isEqualTo(200);
            assertThat(file.getHeader("Cache-Control")).as(link.group(1))
                    .contains("max-age=31536000").contains("public").contains("immutable").doesNotContain("no-store");
        }
    }

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String csrfToken(String page) {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
        return csrf.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
