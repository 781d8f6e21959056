package org.sourcewire.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The app behind a reverse proxy: forwarded headers are believed from the configured proxies only. */
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
                        + "' is not an IP address or a CIDR range such as 172.28.0.0/16");
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
