package org.sourcewire.accounts;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class AccountSettingsTests extends IntegrationTest {

    @Autowired
    AccountManagement management;

    @Test
    void aJournalistUpdatesNameAndOutlet() {
        CurrentUser user = accounts.journalist();

        assertThat(mvc.post().uri("/account/details").with(csrf()).with(as(user)).param("displayName", "Jane Q. Writer")
                .param("outletName", "The Morning Post").param("outletUrl", "https://morningpost.example"))
                .hasRedirectedUrl("/account");

        AccountView account = management.find(user.id()).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Jane Q. Writer");
        assertThat(account.outletName()).isEqualTo("The Morning Post");
        assertThat(mvc.get().uri("/account").with(as(user))).hasStatusOk().bodyText().contains("Jane Q. Writer");
    }

    @Test
    void badDetailsAreRefusedBesideTheFields() {
        CurrentUser user = accounts.journalist();

        assertThat(mvc.post().uri("/account/details").with(csrf()).with(as(user)).param("displayName", "")
                .param("outletName", "").param("outletUrl", "ftp://nowhere"))
                .hasStatusOk().bodyText().contains("Enter your name.").contains("Enter the outlet you write for")
                .contains("Enter a full web address");
        assertThat(management.find(user.id()).orElseThrow().displayName()).isEqualTo("Jane Journalist");
    }

    @Test
    void aSourceHasNoOutletFields() {
        CurrentUser user = accounts.source();

        assertThat(mvc.get().uri("/account").with(as(user))).hasStatusOk().bodyText().doesNotContain("Outlet website");
        assertThat(mvc.post().uri("/account/details").with(csrf()).with(as(user)).param("displayName", "Sam S. Source"))
                .hasRedirectedUrl("/account");
        assertThat(management.find(user.id()).orElseThrow().outletName()).isNull();
    }

    @Test
    void settingsNeedALogIn() {
        assertThat(mvc.get().uri("/account")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.post().uri("/account/details").with(csrf()).param("displayName", "X"))
                .hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }
}
