package org.sourcewire.pitches;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestJournalists;
import org.sourcewire.mail.Mailbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.sourcewire.pitches.PitchMother.pitch;
import static org.sourcewire.pitches.PitchMother.sentPath;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class MessageAndSummaryTests extends IntegrationTest {

    @Autowired
    TestJournalists journalists;

    @Autowired
    PitchSummaries dailySummaries;

    @Test
    void journalistAndSourceExchangeMessagesAndTheSourceWaitsForAReply() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);

        assertThat(mvc.post().uri(path + "/messages").with(csrf()).with(as(source)).param("body", "One more detail: we run a study."))
                .hasRedirectedUrl(path + "#messages");
        assertThat(mvc.post().uri(path + "/messages").with(csrf()).with(as(source)).param("body", "Did you see my note?"))
                .hasRedirectedUrl(path + "#messages").flash()
                .containsEntry("messageError", "Wait for the journalist's reply before you write again.");
        assertThat(mvc.post().uri(path + "/messages").with(csrf()).with(as(journalist)).param("body", "Could you share the study?"))
                .hasRedirectedUrl(path + "#messages");
        assertThat(mvc.post().uri(path + "/messages").with(csrf()).with(as(source)).param("body", "Here it is: doi 10/xyz"))
                .hasRedirectedUrl(path + "#messages");
        assertThat(mvc.post().uri(path + "/messages").with(csrf()).with(as(journalist)).param("body", "  "))
                .flash().containsEntry("messageError", "Write a message first.");
        assertThat(mvc.post().uri(path + "/messages").with(csrf()).with(as(journalist)).param("body", "x".repeat(2001)))
                .flash().containsEntry("messageError", "Keep a message under 2,000 characters.");

        assertThat(mvc.get().uri(path).with(as(source))).bodyText().contains("One more detail: we run a study.")
                .contains("Could you share the study?").contains("Here it is: doi 10/xyz");
        assertThat(jdbc.sql("select count(*) from pitch_message m join pitch p on p.id = m.pitch_id where p.public_id = cast(:id as uuid)")
                .param("id", path.substring(path.lastIndexOf('/') + 1)).query(Integer.class).single()).isEqualTo(3);

        mailbox.deliver();
        MimeMessage toSource = mailbox.receivedBy(source.email()).stream()
                .filter(message -> subject(message).startsWith("A message about your pitch")).findFirst().orElseThrow();
        assertThat(Mailbox.text(toSource)).contains("Could you share the study?").doesNotContain(journalist.email());
        MimeMessage toJournalist = mailbox.receivedBy(journalist.email()).stream()
                .filter(message -> subject(message).contains("replied about")).findFirst().orElseThrow();
        assertThat(Mailbox.text(toJournalist)).doesNotContain(source.email());
    }

    @Test
    void aResentMessageFormIsStoredAndMailedOnce() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);

        String key = messageKey(mvc.get().uri(path).with(as(journalist)).exchange().getResponse().getContentAsString());
        for (int click = 0; click < 2; click++) {
            assertThat(message(journalist, path, "Could you share the study?", key)).hasRedirectedUrl(path + "#messages")
                    .flash().containsKey("success");
        }
        // The source's rule (one message, then wait for a reply) does not turn its own double click into an error.
        String reply = messageKey(mvc.get().uri(path).with(as(source)).exchange().getResponse().getContentAsString());
        assertThat(reply).isNotEqualTo(key);
        for (int click = 0; click < 2; click++) {
            assertThat(message(source, path, "Here it is: doi 10/xyz", reply)).hasRedirectedUrl(path + "#messages")
                    .flash().containsKey("success");
        }

        assertThat(messages(path)).isEqualTo(2);
        assertThat(mails(source.email(), "A message about your pitch%")).isEqualTo(1);
        assertThat(mails(journalist.email(), "% replied about %")).isEqualTo(1);
    }

    @Test
    void concurrentlyResentMessagesAreStoredAndMailedOnce() throws Exception {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);

        String key = UUID.randomUUID().toString();
        List<MvcTestResult> clicks = Concurrently.run(6, n -> message(journalist, path, "Could you share the study?", key));
        assertThat(clicks.stream().map(Concurrently::outcome)).containsOnly("302");
        String reply = UUID.randomUUID().toString();
        List<MvcTestResult> replies = Concurrently.run(6, n -> message(source, path, "Here it is: doi 10/xyz", reply));
        assertThat(replies.stream().map(Concurrently::outcome)).containsOnly("302");

        assertThat(messages(path)).isEqualTo(2);
        assertThat(mails(source.email(), "A message about your pitch%")).isEqualTo(1);
        assertThat(mails(journalist.email(), "% replied about %")).isEqualTo(1);
    }

    private MvcTestResult message(CurrentUser author, String path, String body, String key) {
        return mvc.post().uri(path + "/messages").with(csrf()).with(as(author)).param("body", body)
                .param("submissionKey", key).exchange();
    }

    /** The message form's one-time key, from the pitch page. */
    private static String messageKey(String page) {
        Matcher key = Pattern.compile("name=\"submissionKey\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(key.find()).as("the message form has a one-time key").isTrue();
        return key.group(1);
    }

    private int messages(String path) {
        return jdbc.sql("select count(*) from pitch_message m join pitch p on p.id = m.pitch_id where p.public_id = cast(:id as uuid)")
                .param("id", path.substring(path.lastIndexOf('/') + 1)).query(Integer.class).single();
    }

    private int mails(String recipient, String subject) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :to and subject like :subject")
                .param("to", recipient).param("subject", subject).query(Integer.class).single();
    }

    @Test
    void anAnonymousJournalistStaysAnonymousInThreadsStatusMailsAndPitchPages() throws Exception {
        CurrentUser journalist = journalists.withVerifiedOutlet();
        long query = queries.by(journalist).anonymous().publish();
        CurrentUser source = accounts.source();
        String path = sentPath(mvc, source, query);

        mvc.post().uri(path + "/messages").with(csrf()).with(as(journalist)).param("body", "Quick question for you.").exchange();
        mvc.post().uri(path + "/shortlist").with(csrf()).with(as(journalist)).exchange();
        String page = mvc.get().uri(path).with(as(source)).exchange().getResponse().getContentAsString();
        assertThat(page).contains("Anonymous — Podcast").doesNotContain("Vera Verified").doesNotContain(journalist.email())
                .doesNotContain("The Daily Ledger").doesNotContain("ledger.example");
        String list = mvc.get().uri("/pitches").with(as(source)).exchange().getResponse().getContentAsString();
        assertThat(list).doesNotContain("Vera Verified").doesNotContain("The Daily Ledger");

        mailbox.deliver();
        assertThat(mailbox.receivedBy(source.email())).isNotEmpty().allSatisfy(message ->
                assertThat(Mailbox.text(message) + subject(message)).doesNotContain("Vera Verified")
                        .doesNotContain("The Daily Ledger").doesNotContain(journalist.email()));
    }

    @Test
    void theDailySummaryGoesOutOnceADayAndNotToThoseWhoOptedOut() {
        CurrentUser wants = accounts.journalist();
        CurrentUser optedOut = accounts.journalist();
        long first = queries.by(wants).publish();
        long second = queries.by(wants).publish();
        long quiet = queries.by(optedOut).publish();
        // The summary counts screened pitches only: wait for screening, which runs just after each pitch is stored.
        sentPath(mvc, accounts.source(), first);
        sentPath(mvc, accounts.source(), first);
        sentPath(mvc, accounts.source(), second);
        sentPath(mvc, accounts.source(), quiet);

        assertThat(mvc.get().uri("/pitches/settings").with(as(optedOut))).hasStatusOk().bodyText()
                .contains("Send me a daily summary of new pitches");
        assertThat(mvc.post().uri("/pitches/settings").with(csrf()).with(as(optedOut))).hasRedirectedUrl("/pitches/settings");
        assertThat(mvc.get().uri("/pitches/settings").with(as(accounts.source()))).hasStatus(403);

        dailySummaries.sendDailySummaries();
        dailySummaries.sendDailySummaries();

        assertThat(summaries(wants.email())).isEqualTo(1);
        assertThat(summaries(optedOut.email())).isZero();
        String body = jdbc.sql("select text_body from mail_outbox where recipient = :to and subject like '3 new pitches%'")
                .param("to", wants.email()).query(String.class).single();
        assertThat(body).contains("Sleep doctors: what helps shift workers sleep?: 2 new")
                .contains("/queries/" + first + "/pitches").contains("/queries/" + second + "/pitches");
    }

    private int summaries(String email) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :to and subject like '%new pitch%'")
                .param("to", email).query(Integer.class).single();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
