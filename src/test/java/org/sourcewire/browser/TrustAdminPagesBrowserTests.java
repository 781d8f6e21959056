package org.sourcewire.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.sources.TestImages;

import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The admins' trust queues with something in each: an outlet a journalist proposed, the same photo on two accounts, a
 * credential to confirm. Each page is checked by axe, at desktop width and on a phone.
 */
class TrustAdminPagesBrowserTests extends BrowserJourney {

    @Test
    void anAdminReadsTheOutletFaceAndCredentialQueues() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        CurrentUser journalist = accounts.journalist();
        assertThat(mvc.post().uri("/account/outlet").with(csrf()).with(as(journalist)).param("name", "Harbour Herald " + run)
                .param("website", "https://harbour-herald-" + run + ".example").param("type", "NEWSPAPER"))
                .hasStatus3xxRedirection();
        byte[] photo = TestImages.png(400, 400);
        for (int i = 0; i < 2; i++) {
            CurrentUser source = accounts.source("Twin Face " + i + " " + run, org.sourcewire.accounts.TestAccounts.uniqueEmail("twin"));
            assertThat(mvc.get().uri("/profile").with(as(source))).hasStatusOk();
            assertThat(mvc.post().uri("/profile/headshot").multipart()
                    .file(new MockMultipartFile("headshot", "me.png", "image/png", photo)).with(csrf()).with(as(source)))
                    .hasStatus3xxRedirection();
        }
        CurrentUser doctor = accounts.source("Dr. Lena Credential " + run, org.sourcewire.accounts.TestAccounts.uniqueEmail("lena"));
        assertThat(mvc.get().uri("/profile").with(as(doctor))).hasStatusOk();
        jdbc.sql("""
                insert into expert_credential (profile_id, licence, registry_url, stated_at)
                select id, 'GMC 7654321', 'https://www.gmc-uk.example/register/7654321', now() from source_profile
                where account_id = :id""").param("id", doctor.id()).update();

        logIn(accounts.admin().email());
        browser.clickLink("Outlets");
        assertThat(browser.text()).contains("Harbour Herald " + run);
        browser.checkAccessibility("admin outlets");
        browser.screenshot("admin-outlets");
        browser.clickLink("Same face");
        assertThat(browser.text()).contains("Twin Face 0 " + run).contains("Twin Face 1 " + run);
        browser.checkAccessibility("admin same face");
        browser.screenshot("admin-faces");
        browser.clickLink("Credentials");
        assertThat(browser.text()).contains("Dr. Lena Credential " + run).contains("GMC 7654321");
        browser.checkAccessibility("admin credentials");
        browser.screenshot("admin-credentials");
        browser.resize(375, 812);
        assertThat(browser.horizontalOverflow()).isZero();
        browser.screenshot("admin-credentials-phone");
    }
}
