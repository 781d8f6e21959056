package org.sourcewire.browser;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;

class PitchJourneyBrowserTests extends BrowserJourney {

    @Test
    void aSourcePitchesTheJournalistShortlistsAndAsksAndTheSourceSeesItAll() {
        CurrentUser journalist = accounts.journalist();
        CurrentUser source = accounts.source();
        long query = queries.by(journalist).publish();

        logIn(source.email());
        browser.visit("/queries/" + query).clickLink("Pitch this query");
        assertThat(browser.text()).contains("150–200 words works best");
        browser.press("Send pitch");
        assertThat(browser.text()).contains("Answer at least one question.");
        browser.fillIn("1. What is the biggest mistake shift workers make about sleep?",
                        "They sleep in one long block after nights. Split sleep works better for most people.")
                .fillIn("2. Does melatonin help, and when?", "A low dose a few hours before the planned sleep helps a little.");
        browser.waitUntilText("Total: 28 words");
        browser.screenshot("pitch-form");
        browser.press("Send pitch");
        assertThat(browser.text()).contains("Your pitch is sent").contains("Not answered.").contains("skipped 1 of 3 questions");
        browser.screenshot("pitch-sent");
        String pitchPath = browser.path();
        browser.press("Log out");

        logIn(journalist.email());
        browser.visit("/queries/" + query).clickLink("Pitches inbox");
        assertThat(browser.text()).contains("Sam Source").contains("Submitted (1)");
        browser.openRow("Sam Source");
        assertThat(browser.text()).contains("Split sleep works better");
        browser.press("Shortlist the pitch from Sam Source");
        browser.waitUntilText("Shortlisted. The source is told.");
        assertThat(browser.path()).isEqualTo("/queries/" + query + "/pitches");
        browser.screenshot("pitch-inbox");
        browser.clickLink("Open the pitch from Sam Source");
        browser.fillIn("Message the source", "Could we talk on the phone tomorrow?").press("Send message");
        assertThat(browser.text()).contains("Message sent.").contains("Could we talk on the phone tomorrow?");
        browser.screenshot("pitch-detail-journalist");
        browser.press("Log out");
        undoWindowPasses();

        logIn(source.email());
        browser.clickLink("Your pitches");
        assertThat(browser.text()).contains("Shortlisted");
        browser.visit(pitchPath);
        assertThat(browser.text()).contains("Could we talk on the phone tomorrow?").contains("You are on the journalist's shortlist.");
        browser.fillIn("Reply to the journalist", "Yes, any time after 10.").press("Send message");
        assertThat(browser.text()).contains("Yes, any time after 10.").contains("you can write again when the journalist replies");
        browser.screenshot("pitch-detail-source");
    }

}
