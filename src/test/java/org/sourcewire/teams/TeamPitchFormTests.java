package org.sourcewire.teams;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A team writer's pitch form when the rules say no: the form keeps what was typed, or the list says why. */
class TeamPitchFormTests extends IntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("/teams/join\\?token=([A-Za-z0-9_-]+)");

    @Test
    void writersWhyMeLineHasTheExpertsFormsLimitAndNothingIsSentPastIt() {
        Writer writer = writer();
        long query = queries.by(accounts.journalist()).publish();

        assertThat(post(writer.member(), "/teams/pitch?expert=" + writer.expert().id() + "&query=" + query,
                "answers[0]", "Night-shift nurses in our clinic sleep 90 minutes longer with a fixed anchor block.",
                "whyMe", "x".repeat(201), "confirmsRequirements", "true"))
                .hasStatusOk().bodyText().contains("Keep it to one line: at most 200 characters.");
        assertThat(jdbc.sql("select count(*) from pitch p join source_profile s on s.id = p.source_id "
                + "where s.account_id = :expert").param("expert", writer.expert().id()).query(Long.class).single())
                .isZero();
    }

    @Test
    void writerWhoAnswersNothingKeepsTheFormWithTheMessageBesideTheAnswers() {
        Writer writer = writer();
        long query = queries.by(accounts.journalist()).publish();

        assertThat(post(writer.member(), "/teams/pitch?expert=" + writer.expert().id() + "&query=" + query,
                "answers[0]", " ", "whyMe", "Ten years on night shifts", "confirmsRequirements", "true"))
                .hasStatusOk().bodyText().contains("Answer at least one question.")
                .contains("Ten years on night shifts");
    }

    @Test
    void writerWhoPicksAClosedQueryGetsTheListOfQueriesSayingWhy() {
        Writer writer = writer();
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        assertThat(post(journalist, "/queries/" + query + "/close")).hasStatus3xxRedirection();
        String form = "/teams/pitch?expert=" + writer.expert().id() + "&query=" + query;

        assertThat(mvc.get().uri(form).with(as(writer.member()))).hasStatusOk().bodyText()
                .contains("This query is closed and takes no more pitches.");
        assertThat(post(writer.member(), form, "answers[0]", "An answer", "confirmsRequirements", "true"))
                .hasStatusOk().bodyText().contains("This query is closed and takes no more pitches.");
        assertThat(mvc.get().uri("/teams/queries?expert=" + writer.expert().id()).with(as(writer.member())))
                .hasStatusOk().bodyText().doesNotContain("takes no more pitches");
    }

    /** A member given an expert of their team's. */
    private record Writer(CurrentUser member, CurrentUser expert) {
    }

    private Writer writer() {
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        CurrentUser expert = accounts.source("Dr. Xavier Expert", TestAccounts.uniqueEmail("expert"));
        CurrentUser member = accounts.source("Jane Roe", TestAccounts.uniqueEmail("member"));
        assertThat(post(owner, "/teams", "name", "Acme PR " + UUID.randomUUID().toString().substring(0, 6)))
                .hasStatus3xxRedirection();
        accept(expert, invite(owner, expert, "EXPERT"));
        accept(member, invite(owner, member, "MEMBER"));
        assertThat(post(owner, "/teams/assignments", "member", member.id(), "expert", expert.id(), "given", true))
                .hasStatus3xxRedirection();
        return new Writer(member, expert);
    }

    private String invite(CurrentUser owner, CurrentUser invited, String kind) {
        assertThat(post(owner, "/teams/invitations", "email", invited.email(), "kind", kind)).hasStatus3xxRedirection();
        String mail = jdbc.sql("select text_body from mail_outbox where recipient = :to order by id desc limit 1")
                .param("to", invited.email()).query(String.class).single();
        Matcher matcher = TOKEN.matcher(mail);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private void accept(CurrentUser invited, String token) {
        assertThat(post(invited, "/teams/join", "token", token)).hasRedirectedUrl("/teams");
    }

    private MvcTestResult post(CurrentUser user, String path, Object... params) {
        var request = mvc.post().uri(path).with(as(user)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param((String) params[i], String.valueOf(params[i + 1]));
        }
        return request.exchange();
    }
}
