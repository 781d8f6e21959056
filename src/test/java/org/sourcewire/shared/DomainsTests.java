package org.sourcewire.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainsTests {

    @Test
    void anAddressAtTheOutletsRegistrableDomainIsTheSameOrganisation() {
        assertThat(Domains.sameOrganisation("maria@ledger.example", "https://www.ledger.example/news")).isTrue();
        assertThat(Domains.sameOrganisation("ann@news.bbc.co.uk", "https://www.bbc.co.uk")).isTrue();
        assertThat(Domains.sameOrganisation("ann@gmail.com", "https://www.bbc.co.uk")).isFalse();
        assertThat(Domains.sameOrganisation("ann@co.uk", "https://evil.co.uk")).isFalse();
        assertThat(Domains.sameOrganisation("tom@blogspot.com", "https://tom.blogspot.com")).isFalse();
        assertThat(Domains.sameOrganisation("x@ledger.example", "not a url")).isFalse();
        assertThat(Domains.sameOrganisation(null, null)).isFalse();
    }
}
