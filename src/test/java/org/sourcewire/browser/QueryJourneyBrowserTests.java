package org.sourcewire.browser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryJourneyBrowserTests extends BrowserJourney {

    @Test
    void aBadQueryShowsItsMessagesBesideTheFields() {
        logIn(accounts.journalist().email());
        browser.visit("/queries/new");
        // The deadline starts filled in (17:00, two working days ahead); emptied, it is asked for.
        browser.fillIn("Headline", "").fillIn("Outlet website", "ledger").setValue("Deadline", "").press("Submit query");

        assertThat(browser.messageFor("Headline")).contains("Enter a headline.");
        assertThat(browser.messageFor("Outlet website")).contains("Enter a full web address");
        assertThat(browser.messageFor("Deadline")).contains("Choose a deadline.");
        browser.screenshot("query-form-errors");
    }

}
