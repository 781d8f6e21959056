package org.sourcewire.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.matching.TestSources;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SourcewireIntegrationTest
class FeedBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSources sources;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSourceFindsAMatchedQueryInTheFeedAndOpensIt() {
        long topic = sources.newTopic("Sleep medicine");
        CurrentUser source = accounts.source();
        long profile = sources.profile(source, "Europe/Berlin");
        sources.subscribe(profile, topic);
        sources.alert(profile, "melatonin");
        long query = sources.publish(accounts.journalist(), topic, "headline", "Sleep doctors: does melatonin help night shifts?");

        browser.visit("/login").fillIn("E-mail address", source.email()).fillIn("Password", TestAccounts.PASSWORD)
                .press("Log in");
        browser.clickLink("Feed");
        assertThat(browser.heading()).isEqualTo("Your feed");
        assertThat(browser.text()).contains("Sleep doctors: does melatonin help night shifts?")
                .contains("Jane Journalist, The Ledger").contains("Your alert: \u201cmelatonin\u201d")
                .contains("(Europe/Berlin)").containsPattern("closes in \\d+ h");
        browser.screenshot("feed");

        browser.visit("/queries/" + query);
        assertThat(browser.heading()).isEqualTo("Sleep doctors: does melatonin help night shifts?");
        browser.visit("/digests/settings");
        assertThat(browser.field("Morning edition, 05:35").isSelected()).isTrue();
        browser.choose("Midday edition, 12:35").press("Save");
        assertThat(browser.text()).contains("Your digest editions are saved.");
        assertThat(browser.field("Midday edition, 12:35").isSelected()).isFalse();
        browser.screenshot("digest-settings");
    }
}
