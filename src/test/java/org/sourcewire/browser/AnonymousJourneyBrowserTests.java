package org.sourcewire.browser;

import java.util.List;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.digests.DigestEditions;
import org.sourcewire.digests.OwnDigestEditions;
import org.sourcewire.queries.QueryMother;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Issue 7, journey 4: a query posted anonymously. Nothing a source can see — pages as shown, the HTML as sent
 * ("view source"), and every mail with its headers — holds the journalist's name, e-mail address or outlet.
 */
@ExtendWith(OwnDigestEditions.class)
class AnonymousJourneyBrowserTests extends BrowserJourney {

    static final String ZONE = "Asia/Singapore";
    static final String HEADLINE = "Tax advisers: what do freelancers get wrong about quarterly payments?";

    @Autowired
    DigestEditions editions;

    @Autowired
    org.sourcewire.outlets.TestOutlets outlets;

    @Test
    void theSourceNeverLearnsWhoAskedAnAnonymousQuery() {
        // An address at the outlet's domain verifies the outlet, which anonymous queries need.
        outlets.confirmed("The Quiet Times", "quiet-times.example");
        String journalistEmail = "nora.quinn-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@quiet-times.example";
        CurrentUser journalist = accounts.create(new SignUp("Nora Quinn", journalistEmail, TestAccounts.PASSWORD,
                Role.JOURNALIST, "The Quiet Times", "https://quiet-times.example"), true);
        List<String> secrets = List.of("Nora Quinn", "Quinn", journalistEmail, "Quiet Times", "quiet-times");
        String sourceEmail = TestAccounts.uniqueEmail("leo.park");
        CurrentUser source = accounts.source("Leo Park", sourceEmail);
        long topic = sources.newTopic("Personal finance");
        sources.subscribe(sources.profile(source, ZONE), topic);
        long query = sources.publish(journalist, topic, "headline", HEADLINE, "anonymous", "true",
                "outletName", "The Quiet Times", "outletUrl", "https://quiet-times.example",
                "deadline", QueryMother.deadlineInHours(25 * 24),
                "questions[0]", "What is the most common mistake?", "questions[1]", "How should they set money aside?",
                "questions[2]", "Which tools help?");

        // The journalist sees what sources will see.
        logIn(journalistEmail);
        browser.visit("/queries/" + query);
        assertThat(browser.text()).contains("Sources see \"Anonymous");
        browser.screenshot("journey-anonymous-journalist-view");
        browser.press("Log out");

        logIn(sourceEmail);
        browser.clickLink("Feed");
        assertThat(browser.text()).contains(HEADLINE).contains("Anonymous");
        hidesTheJournalist(secrets);
        browser.visit("/queries/" + query);
        hidesTheJournalist(secrets);
        browser.screenshot("journey-anonymous-query");
        browser.resize(375, 812);
        browser.screenshot("journey-anonymous-query-phone");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);
        browser.clickLink("Pitch this query");
        hidesTheJournalist(secrets);
        browser.fillIn("1. What is the most common mistake?", "Treating the first quarter as a trial run: penalties start "
                        + "with the first missed payment, and interest runs daily.")
                .fillIn("2. How should they set money aside?", "Move a fixed share of every invoice, usually a quarter, "
                        + "into a separate account the day it is paid.")
                .fillIn("3. Which tools help?", "A calendar reminder two weeks before each due date and the tax "
                        + "office's own online calculator.");
        browser.press("Send pitch");
        assertThat(browser.text()).contains("Your pitch is sent");
        String pitch = browser.path();

        // The journalist opens the pitch, asks a question and shortlists it: the source hears of each, anonymously.
        assertThat(mvc.get().uri(pitch).with(as(journalist))).hasStatusOk();
        assertThat(mvc.post().uri(pitch + "/messages").param("body", "Can I quote you by name?")
                .with(csrf()).with(as(journalist))).hasStatus3xxRedirection();
        assertThat(mvc.post().uri(pitch + "/shortlist").param("back", "detail")
                .with(csrf()).with(as(journalist))).hasStatus3xxRedirection();
        browser.visit(pitch);
        assertThat(browser.text()).contains("Can I quote you by name?").contains("Shortlisted");
        hidesTheJournalist(secrets);
        browser.screenshot("journey-anonymous-pitch");
        browser.clickLink("← Your pitches");
        hidesTheJournalist(secrets);

        // A Wednesday morning no other test uses for Singapore's edition.
        editions.runDue(morningEdition(ZONE, 16));
        mailbox.deliverIncludingHeld();
        List<MimeMessage> mails = mailbox.receivedBy(sourceEmail);
        assertThat(mails.stream().map(mail -> GreenMailUtil.getWholeMessage(mail).replace("=\r\n", "")).toList())
                .as("the digest, the shortlist notice and the message notice")
                .hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(mail -> assertThat(mail).contains(HEADLINE.substring(0, 30)))
                .allSatisfy(mail -> assertThat(mail).doesNotContainIgnoringCase("Quinn")
                        .doesNotContain(journalistEmail).doesNotContainIgnoringCase("Quiet Times")
                        .doesNotContainIgnoringCase("quiet-times"));
    }

    /** Neither the page as shown nor the HTML the server sent names the journalist. */
    private void hidesTheJournalist(List<String> secrets) {
        String page = browser.text();
        String html = browser.rawSource();
        assertThat(html).contains("</html>");
        for (String secret : secrets) {
            assertThat(page).as(browser.path() + " as shown").doesNotContainIgnoringCase(secret);
            assertThat(html).as(browser.path() + " as sent").doesNotContainIgnoringCase(secret);
        }
    }
}
