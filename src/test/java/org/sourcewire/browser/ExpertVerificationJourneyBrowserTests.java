package org.sourcewire.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.pitches.TestPitches;
import org.sourcewire.placements.ArticleServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An expert proves their website (served by a local web server) with the token from their verification page; a
 * journalist then reads only verified experts' pitches, and sees the level and its checks beside the pitch.
 */
class ExpertVerificationJourneyBrowserTests extends BrowserJourney {

    @Test
    void anExpertProvesTheirWebsiteAndAJournalistReadsVerifiedExpertsOnly() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        String expertName = "Vera Okafor " + suffix;
        String otherName = "Otto Unproven " + suffix;
        CurrentUser expert = accounts.source(expertName, TestAccounts.uniqueEmail("vera"));
        CurrentUser other = accounts.source(otherName, TestAccounts.uniqueEmail("otto"));
        TestPitches.sent(mvc, expert, query);
        TestPitches.sent(mvc, other, query, "answers[0]", "Permanent night shifts beat rotating rosters for "
                + "police officers, whose court appearances otherwise wreck recovery sleep.", "answers[1]",
                "Several forces now schedule court days around rosters.", "answers[2]", "Ask the Police Federation.");

        try (ArticleServer site = new ArticleServer()) {
            logIn(expert.email());
            browser.visit("/profile").fillIn("Website", site.article() + "/").press("Save profile");
            browser.clickLink("Verification");
            assertThat(browser.heading()).isEqualTo("Verification");
            String token = browser.field("Your token").getAttribute("value");
            assertThat(token).startsWith("sw-");
            site.put("/", new ArticleServer.Fixture(200, "text/html; charset=utf-8", """
                    <html><head><title>Okafor Sleep Clinic</title>
                    <meta name="sourcewire-verification" content="%s"></head><body>Welcome</body></html>"""
                    .formatted(token), 0, null));

            browser.press("Check now");

            assertThat(browser.text()).contains("Your website is proven.").contains("✓ Proven.")
                    .contains("Website proven");
            browser.screenshot("expert-verification-proven");
            browser.press("Log out");
        }

        logIn(journalist.email());
        browser.visit("/queries/" + query + "/pitches");
        assertThat(browser.text()).contains(expertName).contains(otherName);
        browser.choose("Verified experts only").press("Apply");
        assertThat(browser.script("return location.search")).asString().contains("verifiedOnly=true");
        assertThat(browser.text()).contains(expertName).doesNotContain(otherName)
                .contains("1 pitch is hidden by your filters.");
        browser.openRow(expertName);
        assertThat(browser.text()).contains("Website proven");
        browser.script("document.querySelector('#pane details.verification-badge').open = true");
        assertThat(browser.text()).contains("Controls the website: 127.0.0.1:");
        browser.screenshot("inbox-verified-experts-only");
        browser.resize(375, 800);
        assertThat(browser.horizontalOverflow()).isLessThanOrEqualTo(0);
        browser.screenshot("inbox-verified-experts-only-phone");
    }
}
