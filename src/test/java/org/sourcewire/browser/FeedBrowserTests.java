package org.sourcewire.browser;

import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.matching.TestSources;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SourcewireIntegrationTest
class FeedBrowserTests extends BrowserJourney {

    @Autowired
    TestSources sources;

    @Test
    void aSourceFindsAMatchedQueryInTheFeedAndOpensIt() {
        long topic = sources.newTopic("Sleep medicine");
        CurrentUser source = accounts.source();
        long profile = sources.profile(source, "Europe/Berlin");
        sources.subscribe(profile, topic);
        sources.alert(profile, "melatonin");
        long query = sources.publish(accounts.journalist(), topic, "headline", "Sleep doctors: does melatonin help night shifts?");

        logIn(source.email());
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
