package org.sourcewire.browser;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationJourneyBrowserTests extends BrowserJourney {

    static final String BIO = "I run the sleep clinic at Mercy Hospital and have treated night-shift nurses for 12 years.";

    @Test
    void aJournalistInvitesAnExpertFromTheProfileAndTheExpertPitchesFromTheInvitation() {
        CurrentUser journalist = accounts.journalist();
        CurrentUser expert = accounts.source();
        sources.profile(expert);
        String name = "Expert " + expert.id();
        long query = queries.by(journalist).publish();

        // The expert keeps a bio as a snippet, for any pitch.
        logIn(expert.email());
        browser.visit("/pitches/snippets");
        assertThat(browser.text()).contains("Screening still treats text sent again and again as a template.");
        browser.fillIn("Name", "Bio").fillIn("Text", BIO).press("Save snippet");
        assertThat(browser.text()).contains("Snippet saved.").contains(BIO);
        browser.screenshot("snippets");
        browser.press("Log out");

        // The journalist finds the expert's page and invites them to an open query.
        logIn(journalist.email());
        browser.visit("/experts/expert-" + expert.id()).clickLink("Invite to answer a query");
        assertThat(browser.heading()).isEqualTo("Invite " + name + " to answer");
        browser.choose("Sleep doctors: what helps shift workers sleep?")
                .fillIn("A note to the expert (optional)", "Your clinic work fits this story.");
        browser.screenshot("invite-form");
        browser.resize(375, 812);
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);
        browser.press("Send invitation");
        assertThat(browser.text()).contains(name + " is invited.");
        browser.press("Log out");

        // The expert sees the notice, opens the invitation and pitches, inserting the bio with one click.
        logIn(expert.email());
        browser.waitUntilText("1 new");
        browser.clickLink("Invitations 1 new");
        assertThat(browser.text()).contains("Sleep doctors: what helps shift workers sleep?")
                .contains("Your clinic work fits this story.");
        browser.screenshot("invitations");
        browser.clickLink("Pitch this query");
        browser.fillIn("1. What is the biggest mistake shift workers make about sleep?",
                "They sleep in one long block after nights. Split sleep works better.");
        browser.script("document.querySelector('[data-snippet]').click()");
        assertThat(browser.field("1. What is the biggest mistake shift workers make about sleep?").getDomProperty("value"))
                .isEqualTo("They sleep in one long block after nights. Split sleep works better. " + BIO);
        browser.waitUntilText("Total: 28 words");
        browser.fillIn("2. Does melatonin help, and when?", "A low dose a few hours before the planned sleep helps a little.");
        browser.screenshot("pitch-form-snippets");
        browser.press("Send pitch");
        assertThat(browser.text()).contains("Your pitch is sent");
        browser.press("Log out");

        // The journalist's inbox marks the pitch "invited".
        logIn(journalist.email());
        browser.visit("/queries/" + query + "/pitches");
        assertThat(browser.text()).contains(name).contains("invited");
        browser.screenshot("inbox-invited");
    }
}
