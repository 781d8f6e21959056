package org.sourcewire.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The proxy settings on their own, without the app. */
class ProxyConfigurationTests {

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
}
