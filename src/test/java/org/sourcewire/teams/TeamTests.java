package org.sourcewire.teams;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.SqlStatements;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Teams: an agency owner manages experts' profiles and invites members; a member writes pitches for the experts they
 * are given, and the journalist sees who wrote each one and for whom. Access never crosses teams, nor the profiles of
 * one team; removing a member ends their access at once; plans limit profiles and seats; every action is audited.
 */
class TeamTests extends IntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("/teams/join\\?token=([A-Za-z0-9_-]+)");

    /** An owner, their team, an expert it manages and a member who writes for that expert. */
    record Agency(CurrentUser owner, CurrentUser expert, CurrentUser member, String team) {
    }

    Agency agency(String team) {
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        CurrentUser expert = accounts.source("Dr. Xavier Expert", TestAccounts.uniqueEmail("expert"));
        CurrentUser member = accounts.source("Jane Roe", TestAccounts.uniqueEmail("member"));
        createTeam(owner, team);
        accept(expert, invite(owner, expert, "EXPERT"));
        accept(member, invite(owner, member, "MEMBER"));
        assertThat(post(owner, "/teams/assignments", "member", member.id(), "expert", expert.id(), "given", true))
                .hasStatus3xxRedirection();
        return new Agency(owner, expert, member, team);
    }

    @Test
    void memberPitchesForTheirExpertAndTheJournalistSeesWhoWroteItForWhom() {
        Agency acme = agency("Acme PR " + UUID.randomUUID().toString().substring(0, 6));
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();

        assertThat(mvc.get().uri("/teams").with(as(acme.member()))).hasStatusOk().bodyText()
                .contains("Pitch for Dr. Xavier Expert");
        assertThat(mvc.get().uri("/teams/pitch?expert=" + acme.expert().id() + "&query=" + query).with(as(acme.member())))
                .hasStatusOk().bodyText().contains("Written by Jane Roe of " + acme.team() + " for Dr. Xavier Expert");

        assertThat(pitch(acme.member(), acme.expert(), query)).hasStatus3xxRedirection().hasRedirectedUrl("/teams");

        var stored = jdbc.sql("""
                select p.public_id, p.written_by_name, p.written_by_organisation from pitch p
                join source_profile s on s.id = p.source_id where p.query_id = :query and s.account_id = :expert""")
                .param("query", query).param("expert", acme.expert().id())
                .query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3) }).single();
        assertThat(stored[1]).isEqualTo("Jane Roe");
        assertThat(stored[2]).isEqualTo(acme.team());
        assertThat(mvc.get().uri("/pitches/" + stored[0]).with(as(journalist))).hasStatusOk().bodyText()
                .contains("Written by Jane Roe of " + acme.team() + " for ");
        assertThat(audited(acme.member(), "team.pitch.sent")).isEqualTo(1);
        assertThat(audited(acme.owner(), "team.created")).isEqualTo(1);
        assertThat(audited(acme.owner(), "team.member.invited")).isEqualTo(1);
        assertThat(audited(acme.owner(), "team.expert.invited")).isEqualTo(1);
        assertThat(audited(acme.member(), "team.member.joined")).isEqualTo(1);
        assertThat(audited(acme.expert(), "team.expert.joined")).isEqualTo(1);
        assertThat(audited(acme.owner(), "team.assignment.given")).isEqualTo(1);
    }

    @Test
    void memberWritesWithTheSameHelpAsTheExpertsOwnFormTheirSnippetsWordCountsAndPreflightTips() {
        Agency acme = agency("Acme PR");
        Agency other = agency("Other PR");
        long query = queries.by(accounts.journalist()).publish();
        assertThat(post(acme.expert(), "/pitches/snippets", "label", "Bio", "body", "Dr. Expert runs the sleep clinic."))
                .hasStatus3xxRedirection();
        assertThat(post(acme.member(), "/pitches/snippets", "label", "Agency line", "body", "Represented by Acme PR."))
                .hasStatus3xxRedirection();
        String form = "/teams/pitch?expert=" + acme.expert().id() + "&query=" + query;

        assertThat(mvc.get().uri(form).with(as(acme.member()))).hasStatusOk().bodyText()
                .contains("Insert: Agency line", "Represented by Acme PR.")
                // The expert's own snippets are the expert's: a team writing for them does not see them.
                .doesNotContain("Insert: Bio", "Dr. Expert runs the sleep clinic.")
                .contains("Before you send", "/teams/pitch/preflight?expert=" + acme.expert().id())
                .contains("0 words");

        String preflight = "/teams/pitch/preflight?expert=" + acme.expert().id() + "&query=" + query;
        assertThat(mvc.post().uri(preflight).header("HX-Request", "true").with(as(acme.member())).with(csrf())
                .param("answers[0]", "Great question! There are many factors to consider and it really depends.")
                .exchange()).hasStatusOk().bodyText().contains("Before you send").doesNotContain("Write your answers");
        // The other team's member reaches neither the tips nor the form for this expert.
        assertThat(mvc.post().uri(preflight).header("HX-Request", "true").with(as(other.member())).with(csrf())
                .param("answers[0]", "Anything").exchange()).hasStatus(404);
    }

    @Test
    void memberOfOneTeamGets404ForAnotherTeamsExpert() {
        Agency acme = agency("Acme PR");
        Agency other = agency("Other PR");
        long query = queries.by(accounts.journalist()).publish();

        assertThat(mvc.get().uri("/teams/pitch?expert=" + other.expert().id() + "&query=" + query).with(as(acme.member())))
                .hasStatus(404);
        assertThat(mvc.get().uri("/teams/queries?expert=" + other.expert().id()).with(as(acme.member()))).hasStatus(404);
        assertThat(pitch(acme.member(), other.expert(), query)).hasStatus(404);
        // Nor can the other team's owner be reached through ids: giving, removing, approving are all "not found".
        assertThat(post(acme.owner(), "/teams/assignments", "member", other.member().id(), "expert", acme.expert().id(),
                "given", true)).hasStatus(404);
        assertThat(post(acme.owner(), "/teams/members/remove", "member", other.member().id())).hasStatus(404);
        assertThat(post(acme.owner(), "/teams/profiles/remove", "team", teamOf(other.owner()), "expert", other.expert().id()))
                .hasStatus(404);
        assertThat(jdbc.sql("select count(*) from team_member where account_id = :id").param("id", other.member().id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void memberGets404ForAnExpertOfTheirOwnTeamTheyWereNotGiven() {
        Agency acme = agency("Acme PR");
        // Standard manages three profiles; back on Free afterwards, since PlanAdminTests expects no paid plans.
        jdbc.sql("insert into source_plan (account_id, plan) values (:id, 'STANDARD')").param("id", acme.owner().id()).update();
        CurrentUser second = accounts.source("Dr. Yvonne Second", TestAccounts.uniqueEmail("second"));
        try {
            accept(second, invite(acme.owner(), second, "EXPERT"));
        }
        finally {
            jdbc.sql("update source_plan set plan = 'FREE' where account_id = :id").param("id", acme.owner().id()).update();
        }
        long query = queries.by(accounts.journalist()).publish();

        assertThat(pitch(acme.member(), second, query)).hasStatus(404);
        assertThat(mvc.get().uri("/teams").with(as(acme.member()))).hasStatusOk().bodyText()
                .doesNotContain("Dr. Yvonne Second");
        // The owner writes for every expert of the team.
        assertThat(pitch(acme.owner(), second, query)).hasStatus3xxRedirection();
        // An expert managed by the team cannot write for the team's other experts.
        assertThat(pitch(acme.expert(), second, query)).hasStatus(404);
    }

    @Test
    void removedMemberLosesAccessAtOnce() {
        Agency acme = agency("Acme PR");
        long query = queries.by(accounts.journalist()).publish();
        assertThat(mvc.get().uri("/teams/pitch?expert=" + acme.expert().id() + "&query=" + query).with(as(acme.member())))
                .hasStatusOk();

        assertThat(post(acme.owner(), "/teams/members/remove", "member", acme.member().id())).hasStatus3xxRedirection();

        // The same logged-in session, the next click.
        assertThat(mvc.get().uri("/teams/pitch?expert=" + acme.expert().id() + "&query=" + query).with(as(acme.member())))
                .hasStatus(404);
        assertThat(pitch(acme.member(), acme.expert(), query)).hasStatus(404);
        assertThat(audited(acme.owner(), "team.member.removed")).isEqualTo(1);
    }

    @Test
    void expertWhoAsksToApproveGetsTheMembersPitchFirstAndSendsItOnApproval() throws Exception {
        Agency acme = agency("Acme PR");
        long query = queries.by(accounts.journalist()).publish();
        long team = teamOf(acme.owner());
        // The owner can ask for approval, but only the expert can stop it.
        assertThat(post(acme.owner(), "/teams/approval", "team", team, "expert", acme.expert().id(), "required", true))
                .hasStatus3xxRedirection();
        assertThat(post(acme.owner(), "/teams/approval", "team", team, "expert", acme.expert().id(), "required", false)
                .getMvcResult().getFlashMap().get("error").toString()).contains("Only the expert");

        assertThat(pitch(acme.member(), acme.expert(), query)).hasStatus3xxRedirection();
        assertThat(pitchesOf(acme.expert(), query)).isZero();
        String mail = jdbc.sql("select text_body from mail_outbox where recipient = :to order by id desc limit 1")
                .param("to", acme.expert().email()).query(String.class).single();
        assertThat(mail).contains("Jane Roe of Acme PR wrote a pitch for you").contains("/teams");

        // In the app too: the navigation's Team link says so on every page, for the expert only.
        assertThat(mvc.get().uri("/teams/waiting").header("HX-Request", "true").with(as(acme.expert()))).hasStatusOk()
                .bodyText().contains("1 to approve");
        assertThat(mvc.get().uri("/teams/waiting").header("HX-Request", "true").with(as(acme.member()))).hasStatusOk()
                .bodyText().doesNotContain("to approve");
        assertThat(mvc.get().uri("/teams/waiting").with(as(accounts.journalist()))).hasStatus(403);
        String page = mvc.get().uri("/teams").with(as(acme.expert())).exchange().getResponse().getContentAsString();
        assertThat(page).contains("Pitches waiting for your approval").contains("Written by Jane Roe of Acme PR");
        String draft = jdbc.sql("select public_id::text from team_pitch_draft where source_account_id = :id")
                .param("id", acme.expert().id()).query(String.class).single();
        // Nobody else approves it: not the member who wrote it, not the owner.
        assertThat(post(acme.member(), "/teams/drafts/approve", "draft", draft)).hasStatus(404);
        assertThat(post(acme.owner(), "/teams/drafts/approve", "draft", draft)).hasStatus(404);

        assertThat(post(acme.expert(), "/teams/drafts/approve", "draft", draft)).hasStatus3xxRedirection();
        assertThat(pitchesOf(acme.expert(), query)).isEqualTo(1);
        assertThat(mvc.get().uri("/teams/waiting").with(as(acme.expert()))).bodyText().doesNotContain("to approve");
        assertThat(jdbc.sql("""
                select written_by_name || ' of ' || written_by_organisation from pitch p join source_profile s on s.id = p.source_id
                where s.account_id = :id and p.query_id = :query""").param("id", acme.expert().id()).param("query", query)
                .query(String.class).single()).isEqualTo("Jane Roe of Acme PR");
        assertThat(audited(acme.expert(), "team.draft.approved")).isEqualTo(1);
        assertThat(audited(acme.member(), "team.pitch.drafted")).isEqualTo(1);
    }

    @Test
    void takingAnExpertFromAMemberWithdrawsTheirPitchesWaitingForApproval() {
        Agency acme = agency("Acme PR");
        long query = queries.by(accounts.journalist()).publish();
        post(acme.expert(), "/teams/approval", "team", teamOf(acme.owner()), "expert", acme.expert().id(), "required", true);
        assertThat(pitch(acme.member(), acme.expert(), query)).hasStatus3xxRedirection();
        String draft = jdbc.sql("select public_id::text from team_pitch_draft where source_account_id = :id")
                .param("id", acme.expert().id()).query(String.class).single();

        assertThat(post(acme.owner(), "/teams/assignments", "member", acme.member().id(), "expert", acme.expert().id(),
                "given", false)).hasStatus3xxRedirection();

        assertThat(post(acme.expert(), "/teams/drafts/approve", "draft", draft)).hasStatus(404);
        assertThat(pitchesOf(acme.expert(), query)).isZero();
        assertThat(audited(acme.owner(), "team.assignment.taken")).isEqualTo(1);
    }

    @Test
    void memberLeavesTheTeamAndLosesAccess() {
        Agency acme = agency("Acme PR");
        long query = queries.by(accounts.journalist()).publish();
        assertThat(mvc.get().uri("/teams").with(as(acme.member()))).bodyText().contains("Leave Acme PR");

        assertThat(post(acme.member(), "/teams/leave", "team", teamOf(acme.owner()))).hasStatus3xxRedirection();

        assertThat(pitch(acme.member(), acme.expert(), query)).hasStatus(404);
        assertThat(audited(acme.member(), "team.member.left")).isEqualTo(1);
        // Leaving a team one is not in is "not found".
        assertThat(post(acme.member(), "/teams/leave", "team", teamOf(acme.owner()))).hasStatus(404);
    }

    @Test
    void suspendedMemberGets404() {
        Agency acme = agency("Acme PR");
        long query = queries.by(accounts.journalist()).publish();
        accounts.suspend(acme.member());
        assertThat(pitch(acme.member(), acme.expert(), query)).hasStatus(404);
    }

    @Test
    void anEmptyOrMangledSubmissionKeyStillSendsThePitchOnce() {
        for (String key : new String[] { "", "not-a-key" }) {
            Agency acme = agency("Acme PR");
            long query = queries.by(accounts.journalist()).publish();
            assertThat(post(acme.member(), "/teams/pitch?expert=" + acme.expert().id() + "&query=" + query,
                    "answers[0]", "Night-shift nurses in our clinic sleep 90 minutes longer with a fixed anchor block.",
                    "answers[1]", "Melatonin helps when taken three hours before the planned sleep.", "answers[2]", "",
                    "confirmsRequirements", "true", "submissionKey", key)).hasStatus3xxRedirection();
            assertThat(pitch(acme.member(), acme.expert(), query)).hasStatusOk().bodyText()
                    .contains("already");
        }
    }

    @Test
    void invitingAndWithdrawingOverAndOverStopsAtTheDaysLimit() throws Exception {
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        createTeam(owner, "Acme PR");
        String refused = null;
        for (int i = 0; i < 25 && refused == null; i++) {
            MvcTestResult invited = post(owner, "/teams/invitations", "email", TestAccounts.uniqueEmail("spam"), "kind", "MEMBER");
            if (invited.getResponse().getStatus() == 200) {
                refused = invited.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
                break;
            }
            long open = jdbc.sql("""
                    select i.id from team_invitation i join team t on t.id = i.team_id
                    where t.owner_id = :owner and i.accepted_at is null and i.expires_at > now()""")
                    .param("owner", owner.id()).query(Long.class).single();
            assertThat(post(owner, "/teams/invitations/withdraw", "invitation", open)).hasStatus3xxRedirection();
        }
        assertThat(refused).as("a refusal within 25 rounds").isNotNull()
                .contains("Your team has sent 20 invitations in the last 24 hours");
    }

    @Test
    void aSuspendedOwnersMembersCanNoLongerPitchForTheTeam() {
        Agency acme = agency("Acme PR");
        long query = queries.by(accounts.journalist()).publish();
        accounts.suspend(acme.owner());
        assertThat(pitch(acme.member(), acme.expert(), query)).hasStatus(404);
    }

    @Test
    void goingOverThePlansSeatsAndProfilesSaysSoClearly() {
        Agency acme = agency("Acme PR"); // Free: one expert profile, one seat, both taken
        CurrentUser another = accounts.source("Ann Other", TestAccounts.uniqueEmail("another"));

        MvcTestResult seat = post(acme.owner(), "/teams/invitations", "email", another.email(), "kind", "MEMBER");
        assertThat(seat).hasStatusOk().bodyText().contains("Your Free plan has 1 seat besides yours, and all are taken or invited");
        MvcTestResult profile = post(acme.owner(), "/teams/invitations", "email", another.email(), "kind", "EXPERT");
        assertThat(profile).hasStatusOk().bodyText().contains("Your Free plan manages up to 1 expert profile");
        assertThat(mvc.get().uri("/teams").with(as(acme.owner()))).hasStatusOk().bodyText()
                .contains("Free plan: 1 of 1 expert profiles and 1 of 1 member seats used");

        // Removing the member frees the seat.
        post(acme.owner(), "/teams/members/remove", "member", acme.member().id());
        assertThat(post(acme.owner(), "/teams/invitations", "email", another.email(), "kind", "MEMBER"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/plans").with(as(accounts.admin()))).hasStatusOk().bodyText()
                .contains("Team profiles").contains("Team seats");
    }

    @Test
    void openInvitationsTakeSeatsSoInvitingManyCannotPassThePlan() {
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        createTeam(owner, "Acme PR"); // Free: one seat, one profile
        assertThat(post(owner, "/teams/invitations", "email", TestAccounts.uniqueEmail("first"), "kind", "MEMBER"))
                .hasStatus3xxRedirection();
        assertThat(post(owner, "/teams/invitations", "email", TestAccounts.uniqueEmail("second"), "kind", "MEMBER"))
                .hasStatusOk().bodyText().contains("Your Free plan has 1 seat besides yours, and all are taken or invited");
        assertThat(post(owner, "/teams/invitations", "email", TestAccounts.uniqueEmail("expert"), "kind", "EXPERT"))
                .hasStatus3xxRedirection();
        assertThat(post(owner, "/teams/invitations", "email", TestAccounts.uniqueEmail("expert"), "kind", "EXPERT"))
                .hasStatusOk().bodyText().contains("Your Free plan manages up to 1 expert profile");
        // Withdrawing an invitation frees its seat.
        long invitation = jdbc.sql("select i.id from team_invitation i join team t on t.id = i.team_id "
                + "where t.owner_id = :id and i.kind = 'MEMBER'").param("id", owner.id()).query(Long.class).single();
        assertThat(post(owner, "/teams/invitations/withdraw", "invitation", invitation)).hasStatus3xxRedirection();
        assertThat(post(owner, "/teams/invitations", "email", TestAccounts.uniqueEmail("third"), "kind", "MEMBER"))
                .hasStatus3xxRedirection();
        assertThat(audited(owner, "team.invitation.withdrawn")).isEqualTo(1);
    }

    @Test
    void invitationIsAcceptedOnlyByTheInvitedAddress() {
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        CurrentUser invited = accounts.source("Ivy Invited", TestAccounts.uniqueEmail("invited"));
        CurrentUser stranger = accounts.source("Sid Stranger", TestAccounts.uniqueEmail("stranger"));
        createTeam(owner, "Acme PR");
        String token = invite(owner, invited, "MEMBER");

        assertThat(post(stranger, "/teams/join", "token", token)).hasStatusOk().bodyText()
                .contains("This invitation is for " + invited.email());
        assertThat(post(stranger, "/teams/join", "token", "not-a-token")).hasStatusOk().bodyText()
                .contains("expired or was already used");
        accept(invited, token);
        assertThat(post(invited, "/teams/join", "token", token)).hasStatusOk().bodyText()
                .contains("expired or was already used");
        assertThat(jdbc.sql("select count(*) from team_member where account_id = :id").param("id", stranger.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void badInputGetsMessagesNotErrors() {
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        assertThat(post(owner, "/teams", "name", "  ")).hasStatusOk().bodyText().contains("Enter your agency");
        createTeam(owner, "Acme PR");
        assertThat(post(owner, "/teams/invitations", "email", "not an address", "kind", "MEMBER")).hasStatusOk()
                .bodyText().contains("Enter a valid e-mail address");
        // The rule of sign-up: an address needs a dot in its domain.
        assertThat(post(owner, "/teams/invitations", "email", "someone@localhost", "kind", "MEMBER")).hasStatusOk()
                .bodyText().contains("Enter a valid e-mail address");
        assertThat(post(owner, "/teams/invitations", "email", owner.email(), "kind", "MEMBER")).hasStatusOk()
                .bodyText().contains("That is your own address");
        assertThat(post(owner, "/teams/members/remove", "member", "abc")).hasStatus(400);
        assertThat(mvc.get().uri("/teams/pitch?expert=1&query=x").with(as(owner))).hasStatus(400);
        assertThat(mvc.get().uri("/teams").with(as(accounts.journalist()))).hasStatus(403);
    }

    // A team writer's pitch form when the rules say no: the form keeps what was typed, or the list says why.

    @Test
    void writersWhyMeLineHasTheExpertsFormsLimitAndNothingIsSentPastIt() {
        Agency writer = agency("Acme PR " + UUID.randomUUID().toString().substring(0, 6));
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
        Agency writer = agency("Acme PR " + UUID.randomUUID().toString().substring(0, 6));
        long query = queries.by(accounts.journalist()).publish();

        assertThat(post(writer.member(), "/teams/pitch?expert=" + writer.expert().id() + "&query=" + query,
                "answers[0]", " ", "whyMe", "Ten years on night shifts", "confirmsRequirements", "true"))
                .hasStatusOk().bodyText().contains("Answer at least one question.")
                .contains("Ten years on night shifts");
    }

    @Test
    void writerWhoPicksAClosedQueryGetsTheListOfQueriesSayingWhy() {
        Agency writer = agency("Acme PR " + UUID.randomUUID().toString().substring(0, 6));
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

    @Test
    void teamPagesReadAFixedNumberOfStatementsHoweverManyExpertsTheTeamManages() {
        Agency acme = agency("Acme PR " + UUID.randomUUID().toString().substring(0, 6));
        long team = teamOf(acme.owner());
        long ownerWithOne = statementsOfTeamsPage(acme.owner());
        long memberWithOne = statementsOfTeamsPage(acme.member());

        // Three more experts, given to the member (rows written directly: the Free plan allows one profile).
        for (int i = 0; i < 3; i++) {
            CurrentUser expert = accounts.source("Dr. Extra Expert " + i, TestAccounts.uniqueEmail("extra"));
            jdbc.sql("insert into team_profile (team_id, source_account_id, added_at) values (:team, :expert, now())")
                    .param("team", team).param("expert", expert.id()).update();
            jdbc.sql("insert into team_assignment (team_id, member_account_id, source_account_id) values (:team, :member, :expert)")
                    .param("team", team).param("member", acme.member().id()).param("expert", expert.id()).update();
        }

        assertThat(mvc.get().uri("/teams").with(as(acme.member()))).hasStatusOk().bodyText()
                .contains("Pitch for Dr. Extra Expert 2");
        assertThat(statementsOfTeamsPage(acme.owner())).isEqualTo(ownerWithOne);
        assertThat(statementsOfTeamsPage(acme.member())).isEqualTo(memberWithOne);
    }

    private long statementsOfTeamsPage(CurrentUser user) {
        SqlStatements.reset();
        assertThat(mvc.get().uri("/teams").with(as(user))).hasStatusOk();
        return SqlStatements.count();
    }

    private void createTeam(CurrentUser owner, String name) {
        assertThat(post(owner, "/teams", "name", name)).hasStatus3xxRedirection();
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
        assertThat(mvc.get().uri("/teams/join?token=" + token).with(as(invited))).hasStatusOk().bodyText().contains("Accept");
        assertThat(post(invited, "/teams/join", "token", token)).hasStatus3xxRedirection().hasRedirectedUrl("/teams");
    }

    private MvcTestResult pitch(CurrentUser writer, CurrentUser expert, long query) {
        return post(writer, "/teams/pitch?expert=" + expert.id() + "&query=" + query,
                "answers[0]", "Night-shift nurses in our clinic sleep 90 minutes longer with a fixed anchor sleep block.",
                "answers[1]", "Melatonin helps when taken three hours before the planned sleep, not at bedtime.",
                "answers[2]", "", "confirmsRequirements", "true");
    }

    private MvcTestResult post(CurrentUser user, String path, Object... params) {
        var request = mvc.post().uri(path).with(as(user)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param((String) params[i], String.valueOf(params[i + 1]));
        }
        return request.exchange();
    }

    private long teamOf(CurrentUser owner) {
        return jdbc.sql("select id from team where owner_id = :id").param("id", owner.id()).query(Long.class).single();
    }

    private long pitchesOf(CurrentUser expert, long query) {
        return jdbc.sql("select count(*) from pitch p join source_profile s on s.id = p.source_id "
                + "where s.account_id = :id and p.query_id = :query").param("id", expert.id()).param("query", query)
                .query(Long.class).single();
    }

    private long audited(CurrentUser actor, String action) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :id and action = :action")
                .param("id", actor.id()).param("action", action).query(Long.class).single();
    }
}
