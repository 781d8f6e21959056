package org.sourcewire.browser;

import org.junit.jupiter.api.Test;
import org.sourcewire.SourcewireIntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.QueryMother;

import static org.assertj.core.api.Assertions.assertThat;

@SourcewireIntegrationTest
class QueryJourneyBrowserTests extends BrowserJourney {

    @Test
    void aJournalistPostsAQueryAnAdminApprovesItAndASourceReadsIt() {
        CurrentUser journalist = accounts.journalist();
        CurrentUser admin = accounts.admin();
        CurrentUser source = accounts.source();

        logIn(journalist.email());
        browser.clickLink("Your queries");
        assertThat(browser.text()).contains("You have not posted a query yet");
        browser.clickLink("Post your first query");
        browser.fillIn("Headline", "Sleep doctors: what actually helps shift workers sleep?")
                .select("Topic", "Biotech & Healthcare")
                .select("Media type", "Online")
                .setValue("Deadline", QueryMother.deadlineInHours(26))
                .fillIn("Question 1", "What is the biggest mistake shift workers make?");
        browser.press("Add a question");
        browser.waitUntilText("Question 2");
        browser.fillIn("Question 2", "Does melatonin help?");
        browser.press("Add a question");
        browser.waitUntilText("Question 3");
        browser.fillIn("Question 3", "What should employers change?")
                .fillIn("Requirements", "Board-certified sleep physicians")
                .select("Link policy", "Will link to the source (followed link)");
        browser.screenshot("query-form");
        browser.press("Submit query");
        assertThat(browser.text()).contains("Your query was sent for review").contains("Waiting for review")
                .contains("Does melatonin help?").contains("What should employers change?");
        browser.screenshot("query-pending");
        String queryPath = browser.path();
        browser.press("Log out");

        logIn(admin.email());
        browser.clickLink("Review");
        assertThat(browser.text()).contains("Sleep doctors: what actually helps shift workers sleep?");
        browser.screenshot("review-queue");
        browser.press("Approve");
        assertThat(browser.text()).contains("Published \"Sleep doctors");
        browser.press("Log out");

        logIn(source.email());
        browser.visit(queryPath);
        assertThat(browser.heading()).isEqualTo("Sleep doctors: what actually helps shift workers sleep?");
        assertThat(browser.text()).contains("Jane Journalist, The Ledger").contains("Published");
        browser.screenshot("query-as-source");
    }

    @Test
    void aBadQueryShowsItsMessagesBesideTheFields() {
        logIn(accounts.journalist().email());
        browser.visit("/queries/new");
        browser.fillIn("Headline", "").fillIn("Outlet website", "ledger").press("Submit query");

        assertThat(browser.messageFor("Headline")).contains("Enter a headline.");
        assertThat(browser.messageFor("Outlet website")).contains("Enter a full web address");
        assertThat(browser.messageFor("Deadline")).contains("Choose a deadline.");
        browser.screenshot("query-form-errors");
    }

}
