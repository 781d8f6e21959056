package org.sourcewire.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.pitches.TestPitches;
import org.sourcewire.queries.QueryMother;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Issue 7, journey 3: an admin moderates queries, topics, a spam report and an account, and reads the audit log. */
class AdminJourneyBrowserTests extends BrowserJourney {

    @Test
    void anAdminApprovesAndRejectsQueriesCuratesTopicsUpholdsAReportAndSuspendsASource() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String good = "Cardiologists: is the new cholesterol guidance right? " + run;
        String bad = "Buy followers cheap, guaranteed results " + run;
        String spammerName = "Rex Spammer " + run;
        String spammerEmail = TestAccounts.uniqueEmail("rex");
        CurrentUser journalist = accounts.journalist();
        CurrentUser spammer = accounts.source(spammerName, spammerEmail);
        submit(journalist, good);
        submit(journalist, bad);
        long published = queries.by(journalist).publish();
        String spamPitch = TestPitches.sent(mvc, spammer, published);
        assertThat(mvc.post().uri(spamPitch + "/report").param("reason", "SPAM").param("note", "A link farm, not an answer.")
                .param("back", "detail").with(csrf()).with(as(journalist))).hasStatus3xxRedirection();

        logIn(accounts.admin().email());

        // The review queue: approve one query, reject the other with a reason.
        browser.clickLink("Review");
        assertThat(browser.text()).contains(good).contains(bad);
        browser.screenshot("journey-admin-review");
        browser.press("Approve " + good);
        assertThat(browser.text()).contains("Published \"" + good + "\".");
        browser.clickLink("Reject " + bad);
        browser.press("Reject and tell the journalist");
        assertThat(browser.messageFor("Reason for the journalist")).isNotBlank();
        browser.fillIn("Reason for the journalist", "This is an advertisement, not a journalistic query.")
                .press("Reject and tell the journalist");
        assertThat(browser.text()).contains("Rejected \"" + bad + "\". The journalist was told why by e-mail.")
                .doesNotContain("Approve " + bad);
        browser.resize(375, 812);
        browser.screenshot("journey-admin-review-phone");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);

        // Topics: create two, rename one, merge it into the other, retire the survivor.
        browser.clickLink("Topics");
        browser.fillIn("Topic name", "Astro " + run).press("Add topic");
        assertThat(browser.text()).contains("Topic \"Astro " + run + "\" created.");
        browser.fillIn("Topic name", "Space " + run).press("Add topic");
        browser.clickLink("Manage Astro " + run);
        browser.fillIn("New name", "Astronomy " + run).press("Rename");
        assertThat(browser.text()).contains("Topic renamed to \"Astronomy " + run + "\".");
        browser.clickLink("Manage Astronomy " + run);
        browser.select("Surviving topic", "Space " + run).pressAndConfirm("Merge");
        assertThat(browser.text()).contains("\"Astronomy " + run + "\" was merged");
        browser.clickLink("Manage Space " + run);
        browser.pressAndConfirm("Retire topic");
        assertThat(browser.text()).contains("\"Space " + run + "\" is retired");
        browser.screenshot("journey-admin-topic");

        // A spam report: upheld, so the source gets a strike.
        browser.clickLink("Reports");
        assertThat(browser.text()).contains(spammerName + "'s pitch").contains("A link farm, not an answer.");
        browser.screenshot("journey-admin-reports");
        browser.pressAndConfirm("Uphold the report on " + spammerName + "'s pitch");
        assertThat(browser.text()).contains("Upheld. " + spammerName + " has a strike and was told why by e-mail.");

        // Suspend the source, then restore the account.
        browser.clickLink("Accounts");
        browser.fillIn("E-mail or name contains", spammerEmail).press("Search");
        browser.pressAndConfirm("Suspend " + spammerEmail);
        assertThat(browser.text()).contains(spammerEmail + " is suspended");
        assertThat(jdbc.sql("select suspended_at is not null from account where id = :id").param("id", spammer.id())
                .query(Boolean.class).single()).isTrue();
        browser.press("Restore " + spammerEmail);
        assertThat(browser.text()).contains(spammerEmail + " can log in again.");

        // Every one of those decisions is in the audit log, newest first.
        browser.clickLink("Audit log");
        assertThat(browser.text()).contains("account.restored").contains("account.suspended").contains("report.upheld")
                .contains("topic.retired").contains("topic.merged").contains("topic.renamed").contains("topic.created")
                .contains("query.rejected").contains("query.approved");
        browser.screenshot("journey-admin-audit");

        // Bad input on the filler phrase and plan forms: each field gets its own message, nothing is saved.
        browser.visit("/admin/boilerplate");
        browser.fillIn("Phrase", "ab").fillIn("Weight (1 to 30 points)", "1.5").press("Add phrase");
        assertThat(browser.messageFor("Phrase")).contains("Use 3 to 80 characters.");
        assertThat(browser.messageFor("Weight (1 to 30 points)")).contains("Enter a weight from 1 to 30.");
        browser.screenshot("admin-boilerplate-bad-input");
        browser.visit("/admin/plans");
        browser.fillIn("Source e-mail address", "not an address").select("Plan", "Premium").press("Assign plan");
        assertThat(browser.messageFor("Source e-mail address")).contains("Enter an e-mail address such as name@example.com.");
        browser.fillIn("Source e-mail address", spammerEmail).select("Plan", "Premium").press("Assign plan");
        assertThat(browser.text()).contains(spammerEmail + " is now on the Premium plan.");
        browser.screenshot("admin-plans");
        // And back to Free (the other tests count on no source being on a paid plan).
        browser.fillIn("Source e-mail address", spammerEmail).select("Plan", "Free").press("Assign plan");
        assertThat(browser.text()).contains(spammerEmail + " is now on the Free plan.");
        assertThat(jdbc.sql("select coalesce((select plan from source_plan where account_id = :id), 'FREE')")
                .param("id", spammer.id()).query(String.class).single()).isEqualTo("FREE");
    }

    private void submit(CurrentUser journalist, String headline) {
        long topic = QueryMother.topicId(jdbc, "Biotech & Healthcare");
        assertThat(QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)), topic,
                "headline", headline).param("action", "submit")).hasStatus3xxRedirection();
    }
}
