package org.sourcewire.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The proxy settings on their own, without the app: the shared test context runs with {@code sourcewire.web.https}
 * off, and a whole second context only to turn it on would cost more than these show.
 */
class ProxyConfigurationTests {

    private static final WebProperties HTTPS = new WebProperties(List.of(), true, null);
    private static final WebProperties NOT_SAID = new WebProperties(List.of(), false, null);

    @Test
    void withHttpsOnTheSessionCookieIsSecureAndHstsIsSentEvenWhenTheRequestLooksLikePlainHttp() {
        MockHttpServletRequest plainHttp = new MockHttpServletRequest();

        assertThat(sessionCookie(HTTPS, plainHttp)).contains("; Secure");
        assertThat(hsts(HTTPS, plainHttp)).isEqualTo("max-age=31536000");
    }

    @Test
    void withHttpsOffOnlyARequestThatCameOverHttpsGetsASecureCookieAndHsts() {
        MockHttpServletRequest plainHttp = new MockHttpServletRequest();
        MockHttpServletRequest overHttps = new MockHttpServletRequest();
        overHttps.setSecure(true);

        assertThat(sessionCookie(NOT_SAID, plainHttp)).doesNotContain("Secure");
        assertThat(hsts(NOT_SAID, plainHttp)).isNull();
        assertThat(sessionCookie(NOT_SAID, overHttps)).contains("; Secure");
        assertThat(hsts(NOT_SAID, overHttps)).isEqualTo("max-age=31536000");
    }

    @Test
    void trustedProxiesAreAddressesOrRangesAndNothingElse() {
        assertThat(ProxyConfiguration.ranges(List.of(" 10.77.77.0/24", "127.0.0.2", "::1", "fd00::/8", "")))
                .containsExactly("10.77.77.0/24", "127.0.0.2/32", "::1/128", "fd00::/8");
        assertThat(ProxyConfiguration.ranges(List.of())).isEmpty();

        assertThatIllegalArgumentException().isThrownBy(() -> ProxyConfiguration.ranges(List.of("load-balancer")))
                .withMessageContaining("sourcewire.web.trusted-proxies");
        assertThatIllegalArgumentException().isThrownBy(() -> ProxyConfiguration.ranges(List.of("10.0.0.0/33")));
        assertThatIllegalArgumentException().isThrownBy(() -> ProxyConfiguration.ranges(List.of("10.0.0.300")));
        assertThatIllegalArgumentException().isThrownBy(() -> ProxyConfiguration.ranges(List.of(".*")));
    }

    /** The session cookie as Spring Session writes it, with the serializer customized as the app does. */
    private static String sessionCookie(WebProperties web, MockHttpServletRequest request) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        new ProxyConfiguration().secureSessionCookie(web).customize(serializer);
        MockHttpServletResponse response = new MockHttpServletResponse();
        serializer.writeCookieValue(new CookieValue(request, response, "session-id"));
        return response.getHeader("Set-Cookie");
    }

    private static String hsts(WebProperties web, MockHttpServletRequest request) {
        HstsHeaderWriter writer = SecurityConfiguration.strictTransportSecurity(web);
        MockHttpServletResponse response = new MockHttpServletResponse();
        writer.writeHeaders(request, response);
        return response.getHeader("Strict-Transport-Security");
    }
}
