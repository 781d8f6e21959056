package org.sourcewire.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Mailbox;
import org.sourcewire.pitches.TestPitches;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class StrikeTests extends IntegrationTest {

    @Test
    void upholdingAReportGivesTheSourceAStrikeAMailAndAnAuditEntry() throws Exception {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        long report = reported(source);

        assertThat(mvc.get().uri("/admin/reports").with(as(admin))).hasStatusOk().bodyText()
                .contains("Sam Source&#39;s pitch").contains("Sleep doctors: what helps shift workers sleep?")
                .contains("Same pitch on five queries").contains("/admin/reports/" + report + "/uphold");
        assertThat(uphold(admin, report, "Pasted the same pitch into five unrelated queries."))
                .hasRedirectedUrl("/admin/reports").flash().containsKey("success");

        assertThat(reportStatus(report)).isEqualTo("UPHELD");
        assertThat(jdbc.sql("select reason from strike where account_id = :id").param("id", source.id())
                .query(String.class).list()).containsExactly("Pasted the same pitch into five unrelated queries.");
        assertThat(auditActions("report " + report)).containsExactly("report.upheld");
        assertThat(jdbc.sql("select count(*) from audit_entry a join strike s on a.subject = 'strike ' || s.id "
                + "where s.account_id = :id and a.action = 'strike.created' and a.actor_id = :admin")
                .param("id", source.id()).param("admin", admin.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(suspended(source)).isFalse();

        mailbox.deliver();
        MimeMessage mail = mailTo(source, "A strike on your Sourcewire account");
        assertThat(Mailbox.text(mail)).contains("Pasted the same pitch into five unrelated queries.")
                .contains("1 of 3 strikes within 90 days");
        assertThat(mvc.get().uri("/standing").with(as(source))).hasStatusOk().bodyText()
                .contains("1 of 3 strikes in the last 90 days.")
                .contains("Pasted the same pitch into five unrelated queries.")
                .contains("Sleep doctors: what helps shift workers sleep?");
    }

    @Test
    void dismissingAReportGivesNoStrikeAndNoMail() {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        long report = reported(source);

        assertThat(mvc.post().uri("/admin/reports/" + report + "/dismiss").with(csrf()).with(as(admin)))
                .hasRedirectedUrl("/admin/reports").flash().containsKey("success");

        assertThat(reportStatus(report)).isEqualTo("DISMISSED");
        assertThat(strikes(source)).isZero();
        assertThat(auditActions("report " + report)).containsExactly("report.dismissed");
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :to and subject like '%strike%'")
                .param("to", source.email()).query(Long.class).single()).isZero();
        assertThat(mvc.get().uri("/standing").with(as(source))).bodyText().contains("No strikes. Keep pitching on-topic.");
    }

    @Test
    void theThirdStrikeWithinTheWindowSuspendsTheSourceAndTheSecondDoesNot() throws Exception {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        long first = reported(source);
        long second = reported(source);
        long third = reported(source);
        Cookie session = logIn(source).getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();

        uphold(admin, first, "");
        uphold(admin, second, "");
        assertThat(suspended(source)).isFalse();
        assertThat(mvc.get().uri("/dashboard").cookie(session)).hasStatusOk();

        assertThat(uphold(admin, third, "Asked the journalist for payment.")).flash()
                .containsEntry("success", "Upheld. Sam Source reached the strike limit: the account is suspended "
                        + "and they were told why by e-mail.");

        assertThat(suspended(source)).isTrue();
        assertThat(mvc.get().uri("/dashboard").cookie(session)).hasStatus3xxRedirection();
        assertThat(logIn(source)).hasRedirectedUrl("/login?error=suspended");
        assertThat(auditActions("account " + source.id())).containsExactly("account.suspended");
        mailbox.deliver();
        assertThat(Mailbox.text(mailTo(source, "Your Sourcewire account is suspended")))
                .contains("3 upheld reports (strikes) within 90 days").contains("Asked the journalist for payment.");

        // The admin lifts the suspension on the accounts page; the strikes stay on record.
        assertThat(mvc.post().uri("/admin/accounts/" + source.id() + "/restore").with(csrf()).with(as(admin)))
                .hasStatus3xxRedirection();
        assertThat(logIn(source)).hasRedirectedUrl("/dashboard");
        assertThat(auditActions("account " + source.id())).containsExactly("account.suspended", "account.restored");
        assertThat(strikes(source)).isEqualTo(3);
    }

    @Test
    void strikesOutsideTheWindowDoNotCount() {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        long first = reported(source);
        long second = reported(source);
        long third = reported(source);

        uphold(admin, first, "");
        uphold(admin, second, "");
        clock.advance(Duration.ofDays(91));
        uphold(admin, third, "");

        assertThat(strikes(source)).isEqualTo(3);
        assertThat(suspended(source)).isFalse();
        assertThat(mvc.get().uri("/standing").with(as(source))).bodyText().contains("1 of 3 strikes in the last 90 days.")
                .contains("no longer counts");
    }

    @Test
    void aWithdrawnStrikeNoLongerCounts() {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        uphold(admin, reported(source), "");
        uphold(admin, reported(source), "");
        long strike = latestStrike(source);

        assertThat(mvc.post().uri("/admin/strikes/" + strike + "/withdraw").with(csrf()).with(as(admin))
                .param("note", "The journalist's query was mis-filed.")).hasRedirectedUrl("/admin/strikes")
                .flash().containsKey("success");
        uphold(admin, reported(source), "");

        assertThat(suspended(source)).isFalse();
        assertThat(auditActions("strike " + strike)).containsExactly("strike.created", "strike.withdrawn");
        assertThat(mvc.get().uri("/standing").with(as(source))).bodyText().contains("2 of 3 strikes")
                .contains("The journalist&#39;s query was mis-filed.");
        assertThat(mvc.post().uri("/admin/strikes/" + strike + "/withdraw").with(csrf()).with(as(admin)))
                .flash().containsEntry("error", "This strike was already withdrawn.");
    }

    @Test
    void aSourceAppealsAStrikeOnceAndAnAdminDecides() throws Exception {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        uphold(admin, reported(source), "");
        long kept = latestStrike(source);
        uphold(admin, reported(source), "");
        long granted = latestStrike(source);

        assertThat(appeal(source, kept, "")).flash().containsKey("error");
        assertThat(appeal(source, kept, "My pitch answered every question.")).hasRedirectedUrl("/standing")
                .flash().containsKey("success");
        assertThat(appeal(source, kept, "Again!")).flash()
                .containsEntry("error", "You have already appealed this strike. Each strike can be appealed once.");
        appeal(source, granted, "I am a board-certified sleep physician.");
        assertThat(mvc.get().uri("/admin/strikes").with(as(admin))).hasStatusOk().bodyText()
                .contains("My pitch answered every question.").contains("Reject appeal (keep)");

        assertThat(mvc.post().uri("/admin/strikes/" + kept + "/keep").with(csrf()).with(as(admin))
                .param("note", "Off-topic for a sleep query.")).flash().containsKey("success");
        assertThat(mvc.post().uri("/admin/strikes/" + granted + "/withdraw").with(csrf()).with(as(admin)))
                .flash().containsKey("success");
        assertThat(mvc.post().uri("/admin/strikes/" + kept + "/keep").with(csrf()).with(as(admin)))
                .flash().containsEntry("error", "There is no appeal waiting on this strike.");

        assertThat(auditActions("strike " + kept)).containsExactly("strike.created", "strike.appealed",
                "strike.appeal-rejected");
        assertThat(auditActions("strike " + granted)).containsExactly("strike.created", "strike.appealed",
                "strike.appeal-granted");
        assertThat(mvc.get().uri("/standing").with(as(source))).bodyText().contains("1 of 3 strikes")
                .contains("Appeal rejected").contains("Withdrawn on appeal");
        mailbox.deliver();
        assertThat(Mailbox.text(mailTo(source, "Your appeal was decided: the strike stays")))
                .contains("Off-topic for a sleep query.");
        mailTo(source, "A strike on your Sourcewire account was withdrawn");
    }

    @Test
    void onlyAdminsDecideReportsAndStrikes() {
        CurrentUser source = accounts.source();
        long report = reported(source);
        CurrentUser admin = accounts.admin();
        uphold(admin, reported(source), "");
        long strike = latestStrike(source);

        for (CurrentUser notAdmin : new CurrentUser[] { accounts.journalist(), source }) {
            assertThat(mvc.post().uri("/admin/reports/" + report + "/uphold").with(csrf()).with(as(notAdmin))).hasStatus(403);
            assertThat(mvc.post().uri("/admin/reports/" + report + "/dismiss").with(csrf()).with(as(notAdmin))).hasStatus(403);
            assertThat(mvc.post().uri("/admin/strikes/" + strike + "/withdraw").with(csrf()).with(as(notAdmin))).hasStatus(403);
            assertThat(mvc.get().uri("/admin/reports").with(as(notAdmin))).hasStatus(403);
            assertThat(mvc.get().uri("/admin/strikes").with(as(notAdmin))).hasStatus(403);
        }
        assertThat(mvc.post().uri("/admin/reports/" + report + "/uphold").with(as(admin))).hasStatus(403);
        assertThat(reportStatus(report)).isEqualTo("OPEN");
        assertThat(strikes(source)).isEqualTo(1);
    }

    @Test
    void aSourceSeesAndAppealsOnlyTheirOwnStrikes() {
        CurrentUser struck = accounts.source();
        CurrentUser other = accounts.source();
        CurrentUser admin = accounts.admin();
        uphold(admin, reported(struck), "Copied another expert's answer word for word.");
        long strike = latestStrike(struck);

        assertThat(mvc.get().uri("/standing").with(as(other))).hasStatusOk().bodyText()
                .contains("No strikes. Keep pitching on-topic.").contains("0 of 3 strikes")
                .doesNotContain("Copied another expert");
        assertThat(appeal(other, strike, "Not mine, but let me try.")).hasStatus(404);
        assertThat(auditActions("strike " + strike)).containsExactly("strike.created");
        assertThat(mvc.get().uri("/standing").with(as(accounts.journalist()))).hasStatus(403);
        assertThat(mvc.get().uri("/standing").with(as(admin))).hasStatus(403);
    }

    @Test
    void aReportIsDecidedOnlyOnce() {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        long report = reported(source);

        uphold(admin, report, "");
        assertThat(uphold(admin, report, "")).hasRedirectedUrl("/admin/reports").flash()
                .containsEntry("error", "That report was already decided.");
        assertThat(mvc.post().uri("/admin/reports/" + report + "/dismiss").with(csrf()).with(as(admin))).flash()
                .containsEntry("error", "That report was already decided.");

        assertThat(reportStatus(report)).isEqualTo("UPHELD");
        assertThat(strikes(source)).isEqualTo(1);
        assertThat(auditActions("report " + report)).containsExactly("report.upheld");
    }

    @Test
    void concurrentUpholdsGiveOneStrikePerReportAndSuspendOnce() throws Exception {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        CurrentUser otherAdmin = accounts.admin();
        long same = reported(source);
        List<Callable<MvcTestResult>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(() -> uphold(admin, same, ""));
        }
        run(clicks);
        assertThat(strikes(source)).isEqualTo(1);

        // Two admins at once each bring the source from one strike towards the limit: the last one suspends.
        long second = reported(source);
        long third = reported(source);
        run(List.of(() -> uphold(admin, second, ""), () -> uphold(otherAdmin, third, "")));
        assertThat(strikes(source)).isEqualTo(3);
        assertThat(suspended(source)).isTrue();
        assertThat(auditActions("account " + source.id())).containsExactly("account.suspended");
    }

    private static void run(List<Callable<MvcTestResult>> requests) throws Exception {
        var pool = Executors.newFixedThreadPool(requests.size());
        try {
            for (Future<MvcTestResult> result : pool.invokeAll(requests)) {
                assertThat(result.get()).hasStatus3xxRedirection();
            }
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void twoUpheldReportsOnOnePitchAreOneStrike() {
        CurrentUser source = accounts.source();
        CurrentUser admin = accounts.admin();
        CurrentUser journalist = accounts.journalist();
        CurrentUser colleague = accounts.journalist();
        String path = TestPitches.sent(mvc, source, queries.by(journalist).publish());
        long first = report(journalist, path);
        // The colleague cannot see the pitch in an inbox, so the second report is written as the inbox would.
        jdbc.sql("""
                insert into pitch_report (pitch_id, reporter_id, reason, created_at)
                select id, :reporter, 'OFF_TOPIC', now() from pitch where public_id = cast(:pitch as uuid)""")
                .param("reporter", colleague.id()).param("pitch", path.substring("/pitches/".length())).update();
        long second = jdbc.sql("select id from pitch_report where reporter_id = :id").param("id", colleague.id())
                .query(Long.class).single();

        uphold(admin, first, "");
        assertThat(uphold(admin, second, "")).flash()
                .containsEntry("success", "Upheld. That pitch already has a strike, so no second one was given.");
        assertThat(strikes(source)).isEqualTo(1);
        assertThat(reportStatus(second)).isEqualTo("UPHELD");
    }

    @Test
    void unknownReportsAndStrikesAre404() {
        CurrentUser admin = accounts.admin();
        CurrentUser source = accounts.source();

        assertThat(mvc.post().uri("/admin/reports/987654321/uphold").with(csrf()).with(as(admin))).hasStatus(404);
        assertThat(mvc.post().uri("/admin/reports/987654321/dismiss").with(csrf()).with(as(admin))).hasStatus(404);
        assertThat(mvc.post().uri("/admin/strikes/987654321/withdraw").with(csrf()).with(as(admin))).hasStatus(404);
        assertThat(mvc.post().uri("/admin/strikes/987654321/keep").with(csrf()).with(as(admin))).hasStatus(404);
        assertThat(appeal(source, 987654321, "Which strike?")).hasStatus(404);
        assertThat(appeal(source, 987654321, "")).hasStatus(404);
        assertThat(mvc.post().uri("/admin/reports/not-a-number/uphold").with(csrf()).with(as(admin))).hasStatus4xxClientError();
    }

    @Test
    void theAdminPagesRenderEmptyStates() {
        CurrentUser admin = accounts.admin();
        // Reports other tests left open belong to them; an empty queue needs them decided.
        jdbc.sql("update pitch_report set status = 'DISMISSED' where status = 'OPEN'").update();

        assertThat(mvc.get().uri("/admin/reports").with(as(admin))).hasStatusOk().bodyText()
                .contains("No open reports").doesNotContain("Uphold (strike)");
        assertThat(mvc.get().uri("/admin/reports?page=-3").with(as(admin))).hasStatusOk();
        assertThat(mvc.get().uri("/admin/strikes?page=999").with(as(admin))).hasStatusOk();
    }

    private long reported(CurrentUser source) {
        CurrentUser journalist = accounts.journalist();
        String path = TestPitches.sent(mvc, source, queries.by(journalist).publish());
        return report(journalist, path);
    }

    private long report(CurrentUser journalist, String path) {
        assertThat(mvc.post().uri(path + "/report").with(csrf()).with(as(journalist)).param("reason", "SPAM")
                .param("note", "Same pitch on five queries")).hasStatus3xxRedirection();
        return jdbc.sql("select r.id from pitch_report r join pitch p on p.id = r.pitch_id "
                + "where p.public_id = cast(:pitch as uuid) and r.reporter_id = :reporter")
                .param("pitch", path.substring("/pitches/".length())).param("reporter", journalist.id())
                .query(Long.class).single();
    }

    private MvcTestResult uphold(CurrentUser admin, long report, String note) {
        return mvc.post().uri("/admin/reports/" + report + "/uphold").with(csrf()).with(as(admin)).param("note", note)
                .exchange();
    }

    private MvcTestResult appeal(CurrentUser source, long strike, String note) {
        return mvc.post().uri("/standing/strikes/" + strike + "/appeal").with(csrf()).with(as(source)).param("note", note)
                .exchange();
    }

    private MvcTestResult logIn(CurrentUser user) {
        return mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress()).param("email", user.email())
                .param("password", TestAccounts.PASSWORD).exchange();
    }

    private String reportStatus(long report) {
        return jdbc.sql("select status from pitch_report where id = :id").param("id", report).query(String.class).single();
    }

    private long strikes(CurrentUser source) {
        return jdbc.sql("select count(*) from strike where account_id = :id").param("id", source.id())
                .query(Long.class).single();
    }

    private long latestStrike(CurrentUser source) {
        return jdbc.sql("select max(id) from strike where account_id = :id").param("id", source.id())
                .query(Long.class).single();
    }

    private boolean suspended(CurrentUser user) {
        return jdbc.sql("select suspended_at is not null from account where id = :id").param("id", user.id())
                .query(Boolean.class).single();
    }

    private List<String> auditActions(String subject) {
        return jdbc.sql("select action from audit_entry where subject = :s order by id").param("s", subject)
                .query(String.class).list();
    }

    private MimeMessage mailTo(CurrentUser user, String subject) {
        return mailbox.receivedBy(user.email()).stream().filter(message -> {
            try {
                return subject.equals(message.getSubject());
            }
            catch (MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("No mail \"" + subject + "\" to " + user.email()));
    }
}
