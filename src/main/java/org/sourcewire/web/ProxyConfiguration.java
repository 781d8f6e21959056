package org.sourcewire.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.RelativeRedirectFilter;

/**
 * The app behind a reverse proxy: forwarded headers are believed from the configured proxies only, redirects never
 * name a host, and the session cookie is {@code Secure} when the site is served over HTTPS. (HSTS is in
 * {@link SecurityConfiguration}.)
 */
@Configuration(proxyBeanMethods = false)
class ProxyConfiguration {

    private static final Pattern ADDRESS = Pattern.compile("[0-9a-fA-F:.]+(/\\d{1,3})?");

    /**
     * Tomcat's {@link RemoteIpValve}, trusting only {@code sourcewire.web.trusted-proxies}. On a request from one of
     * them it reads {@code X-Forwarded-For} right to left, skipping trusted proxies, and takes the first other address
     * as the client's (so what a client writes in front of it is never reached), and the scheme and host from
     * {@code X-Forwarded-Proto} and {@code -Host}. Spring Boot's own valve ({@code server.forward-headers-strategy=native})
     * would by default trust every private and loopback address, and its {@code framework} strategy trusts anyone.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> forwardedHeadersFromTrustedProxies(WebProperties web) {
        List<String> proxies = ranges(web.trustedProxies());
        return factory -> {
            if (proxies.isEmpty()) {
                return;
            }
            RemoteIpValve valve = new RemoteIpValve();
            // With a "/" in it, Tomcat reads the list as CIDR ranges (otherwise as a regular expression).
            valve.setInternalProxies(String.join(",", proxies));
            valve.setRemoteIpHeader("X-Forwarded-For");
            valve.setProtocolHeader("X-Forwarded-Proto");
            valve.setHostHeader("X-Forwarded-Host");
            factory.addEngineValves(valve);
        };
    }

    /**
     * The session cookie is written by Spring Session's {@code DefaultCookieSerializer}, which marks it {@code Secure}
     * when the request is secure. Behind a TLS proxy that depends on the proxy saying so; with
     * {@code sourcewire.web.https} it is always {@code Secure}. (Without the setting it keeps following the request:
     * {@code server.servlet.session.cookie.secure=false} would turn that off too.)
     */
    @Bean
    DefaultCookieSerializerCustomizer secureSessionCookie(WebProperties web) {
        return serializer -> {
            if (web.https()) {
                serializer.setUseSecureCookie(true);
            }
        };
    }

    /**
     * Redirects keep the relative {@code Location} they were given ({@code /login}), instead of the servlet container
     * making it absolute from the request's {@code Host} header, which the client (or a proxy passing it on) chooses.
     * {@code server.tomcat.use-relative-redirects} does the same, but Tomcat ignores it for HTTP/1.0 requests.
     */
    @Bean
    FilterRegistrationBean<RelativeRedirectFilter> relativeRedirects() {
        RelativeRedirectFilter filter = new RelativeRedirectFilter();
        filter.setRedirectStatus(HttpStatus.FOUND);
        FilterRegistrationBean<RelativeRedirectFilter> registration = new FilterRegistrationBean<>(filter);
        // Outside every filter that may redirect (Spring Security's among them).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Each address or range as a CIDR range (a single address as /32 or /128); refuses anything else at start-up. */
    static List<String> ranges(List<String> entries) {
        List<String> ranges = new ArrayList<>();
        for (String entry : entries) {
            String range = entry.strip();
            if (range.isEmpty()) {
                continue;
            }
            if (!ADDRESS.matcher(range).matches()) {
                throw new IllegalArgumentException("sourcewire.web.trusted-proxies: '" + range
                        + "' is not an IP address or a CIDR range such as 10.77.77.0/24");
            }
            if (!range.contains("/")) {
                range += range.contains(":") ? "/128" : "/32";
            }
            new NetMask(range);
            ranges.add(range);
        }
        return List.copyOf(ranges);
    }
}
