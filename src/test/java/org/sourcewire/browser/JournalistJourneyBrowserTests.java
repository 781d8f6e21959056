package org.sourcewire.browser;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Mailbox;
import org.sourcewire.pitches.TestPitches;
import org.sourcewire.queries.QueryMother;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, journey 1: a journalist from sign-up to a closed query, in a browser that lives in Tokyo, so every date on
 * the way is shown in the viewer's time zone.
 */
class JournalistJourneyBrowserTests extends BrowserJourney {

    static final String HEADLINE = "Night-shift nurses: how do you sleep after a run of nights?";

    @Test
    void aJournalistSignsUpPostsAQueryAndWorksThroughItsPitches() {
        String email = TestAccounts.uniqueEmail("maria.lopez");
        CurrentUser admin = accounts.admin();
        browser.timeZone("Asia/Tokyo");

        // Sign up, confirm the address by the mail's link, and log in right there.
        browser.visit("/").clickLink("I'm a journalist");
        browser.fillIn("Full name", "Maria Lopez").fillIn("E-mail address", email)
                .fillIn("Password", "a long enough secret").fillIn("Outlet name", "The Daily Ledger")
                .fillIn("Outlet website", "https://ledger.example").press("Create account");
        assertThat(browser.heading()).isEqualTo("Check your e-mail");
        assertThat(browser.text()).contains("We sent a link to " + email);
        mailbox.deliver();
        assertThat(mailbox.receivedBy(email)).hasSize(1);
        browser.visit(Mailbox.link(mailbox.receivedBy(email).get(0), "/verify-email?token="));
        assertThat(browser.heading()).isEqualTo("Your e-mail address is confirmed");
        browser.fillIn("Password", "a long enough secret").press("Log in");
        assertThat(browser.text()).contains("Hello, Maria Lopez");

        // Post a query with three questions and a deadline tomorrow; it waits for review.
        browser.visit("/dashboard").clickLink("Your queries").clickLink("Post your first query");
        browser.fillIn("Headline", HEADLINE)
                .select("Topic", "Biotech & Healthcare")
                .select("Media type", "Online")
                .setValue("Deadline", QueryMother.deadlineInHours(26))
                .fillIn("Question 1", "What is the biggest mistake you made with sleep after nights?");
        browser.press("Add a question");
        browser.waitUntilText("Question 2");
        browser.fillIn("Question 2", "Does melatonin or a nap before the shift help you?");
        browser.press("Add a question");
        browser.waitUntilText("Question 3");
        browser.fillIn("Question 3", "What should hospitals change about rosters?")
                .fillIn("Requirements", "Registered nurses working nights")
                .select("Link policy", "Will link to the source (followed link)");
        browser.press("Submit query");
        assertThat(browser.text()).contains("Your query was sent for review").contains("Waiting for review");
        assertThat(browser.text()).as("the deadline in the viewer's zone, with the time left, the zone named once")
                .containsPattern("\\d{2}:\\d{2} \\(closes in \\d+ h\\)").contains("Times are in Tokyo (UTC+09:00)");
        browser.screenshot("journey-journalist-query-pending");
        String queryPath = browser.path();
        long queryId = Long.parseLong(queryPath.substring("/queries/".length()));
        browser.press("Log out");

        logIn(admin.email());
        browser.clickLink("Review").press("Approve " + HEADLINE);
        assertThat(browser.text()).contains("Published \"" + HEADLINE + "\".");
        browser.press("Log out");

        logIn(email, "a long enough secret");
        browser.visit(queryPath);
        assertThat(browser.text()).contains("Published");

        // Three sources pitch.
        TestPitches.sent(mvc, source("Priya Raman"), queryId);
        TestPitches.sent(mvc, source("Tom Becker"), queryId,
                "answers[0]", "I drank coffee until the end of every night shift and then lay awake until noon. Stopping "
                        + "caffeine four hours before the end of the shift changed everything for me and my team.",
                "answers[1]", "A twenty minute nap before leaving for a night shift helps me more than any pill.",
                "answers[2]", "Publish rosters six weeks ahead and never schedule a day shift straight after nights.",
                "whyMe", "I have worked nights in an intensive care unit for twelve years.");
        TestPitches.sent(mvc, source("Ann Lee"), queryId,
                "answers[0]", "I follow a strict routine.", "answers[1]", "", "answers[2]", "", "whyMe", "");

        browser.visit(queryPath).clickLink("Pitches inbox");
        assertThat(browser.text()).contains("Submitted (3)").contains("Priya Raman").contains("Tom Becker")
                .contains("Ann Lee").containsPattern("\\d{2}:\\d{2}").contains("Times are in Tokyo (UTC+09:00)");
        browser.screenshot("journey-journalist-inbox");

        // Decline one with a reason, and shortlist another, from the inbox (htmx, with a busy button meanwhile).
        browser.openRow("Ann Lee");
        browser.select("Decline reason for the pitch from Ann Lee", "Not a fit for this story");
        browser.press("Decline the pitch from Ann Lee");
        browser.waitUntilText("Declined: Not a fit for this story");
        browser.openRow("Tom Becker");
        assertThat(browser.showsBusyWhenPressed("Shortlist the pitch from Tom Becker"))
                .as("the pressed button is disabled and spins until the answer").isTrue();
        browser.waitUntilText("Shortlisted. The source is told.");

        // Open one, ask a follow-up question, then mark it as used with the article's address.
        browser.openRow("Priya Raman").clickLink("Open the pitch from Priya Raman");
        assertThat(browser.heading()).isEqualTo("Pitch from Priya Raman");
        browser.fillIn("Message the source", "Could you tell me more about the ninety minute nap?").press("Send message");
        assertThat(browser.text()).contains("Message sent.").contains("Could you tell me more about the ninety minute nap?");
        browser.fillIn("Article URL for the pitch from Priya Raman", "https://ledger.example/night-shift-sleep")
                .press("Mark as used: the pitch from Priya Raman");
        assertThat(browser.text()).contains("Marked as used.");
        browser.waitUntilText("Recorded by the journalist");
        assertThat(browser.text()).contains("https://ledger.example/night-shift-sleep");
        browser.screenshot("journey-journalist-pitch");

        browser.clickLink("← All pitches for this query");
        assertThat(browser.text()).contains("Used (1)").contains("Shortlisted (1)").contains("Declined (1)");
        browser.resize(375, 812);
        browser.screenshot("journey-journalist-inbox-phone");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);

        // Close the query: it asks first.
        browser.visit(queryPath).pressAndConfirm("Close query");
        assertThat(browser.text()).contains("The query is closed. It takes no more pitches.")
                .containsPattern("\\d{2}:\\d{2} \\(closed\\)").doesNotContain("closes in");
        browser.screenshot("journey-journalist-closed");
    }

    private CurrentUser source(String name) {
        return accounts.source(name, TestAccounts.uniqueEmail(name.toLowerCase().replace(' ', '.')));
    }
}
