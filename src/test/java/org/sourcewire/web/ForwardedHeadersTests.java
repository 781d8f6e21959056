package org.sourcewire.web;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sourcewire.RealBrowserlessClient;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client address, scheme and host come from {@code X-Forwarded-*} headers only when a trusted proxy
 * ({@code sourcewire.web.trusted-proxies}, here 127.0.0.2) sends them. Real HTTP throughout: MockMvc bypasses the
 * servlet container, which is where the headers are read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedHeadersTests extends IntegrationTest {

    @LocalServerPort
    int port;

    private TestNginx nginx;
    private Instant start;

    @BeforeEach
    void leaveEarlierFailuresBehind() {
        // A day on, earlier tests' failed log-ins from loopback are outside the throttle's window.
        clock.advance(Duration.ofDays(1));
        start = clock.instant();
    }

    @AfterEach
    void forgetThisTestsFailures() {
        // Recorded a day ahead, they would otherwise throttle later tests' log-ins from loopback.
        jdbc.sql("delete from login_failure where failed_at >= :start").param("start", Timestamp.from(start)).update();
        clock.reset();
    }

    @AfterAll
    void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void failedLogInsThroughTheProxyCountAgainstTheClientNotTheAddressesItClaims() {
        RealBrowserlessClient client = RealBrowserlessClient.at(nginx().url());
        for (int i = 1; i <= 25; i++) {
            client.logIn(TestAccounts.uniqueEmail("spoof"), "not the password", "X-Forwarded-For", "198.51.100." + i);
        }

        assertThat(recordedAddresses()).isNotEmpty().containsOnly("address:127.0.0.1");
    }

    /**
     * When the client itself reaches nginx from an address the app trusts (Docker's published ports relay from the
     * network's gateway), only a header that nginx sets from {@code $remote_addr} keeps the client from choosing its
     * address: appended to ({@code $proxy_add_x_forwarded_for}), the app would skip the trusted hop and take the
     * client's own claim.
     */
    @Test
    void aClientReachingTheProxyFromATrustedAddressIsCountedByThatAddress() {
        RealBrowserlessClient client = RealBrowserlessClient.at(nginx().relayUrl());
        for (int i = 1; i <= 5; i++) {
            client.logIn(TestAccounts.uniqueEmail("spoof"), "not the password", "X-Forwarded-For", "198.51.100." + i);
        }

        assertThat(recordedAddresses()).isNotEmpty().containsOnly("address:" + TestNginx.PROXY_ADDRESS);
    }

    @Test
    void aTrustedProxyServingHttpsGetsASecureSessionCookieAndHsts() {
        HttpResponse<String> page = RealBrowserlessClient.at(nginx().httpsProxyUrl()).get("/login");

        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("SESSION=").containsIgnoringCase("; Secure"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void forwardedHeadersFromAClientThatIsNotATrustedProxyAreIgnored() {
        String[] forged = { "X-Forwarded-For", "198.51.100.200", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "evil.example" };
        RealBrowserlessClient direct = RealBrowserlessClient.at("http://127.0.0.1:" + port);

        HttpResponse<String> page = direct.get("/login", forged);
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("SESSION=").doesNotContainIgnoringCase("Secure"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> login = direct.logIn(TestAccounts.uniqueEmail("direct"), "not the password", forged);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/login?error=bad").doesNotContain("evil.example"));
        assertThat(recordedAddresses()).containsExactly("address:127.0.0.1");
    }

    private TestNginx nginx() {
        if (nginx == null) {
            nginx = TestNginx.inFrontOf(port);
        }
        return nginx;
    }

    /** The client addresses failed log-ins were counted against during this test. */
    private List<String> recordedAddresses() {
        return jdbc.sql("select throttle_key from login_failure where failed_at >= :start and throttle_key like 'address:%'")
                .param("start", Timestamp.from(start))
                .query(String.class)
                .list();
    }
}
