package org.sourcewire.teams;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.sourcewire.Concurrently;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.EmailAlreadyRegisteredException;
import org.sourcewire.accounts.EncodedPassword;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.mail.Mailbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * An agency owner sets up an expert profile for a client who has no account; the client opens the mailed link without
 * logging in, checks the profile, chooses a password and accepts in one step. Nothing exists in the client's name
 * before that, bad input makes nothing, the plan counts the set-up like an invitation, and the owner cannot learn from
 * the answer whether an address has an account.
 */
class ClientProfileTests extends IntegrationTest {

    private static final String GOOD_PASSWORD = "violet anchor lantern";

    @Autowired
    ClientProfiles clientProfiles;

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void clientTakesThePreparedProfileWithOneFormAndIsLoggedIn() throws Exception {
        CurrentUser owner = owner("Acme PR");
        String client = TestAccounts.uniqueEmail("client");

        MvcTestResult setUp = setUp(owner, client, "Dr. Clara Client", "Sleep physician", "Night Clinic",
                "Runs the night-shift sleep clinic.");
        assertThat(setUp).hasStatus3xxRedirection().hasRedirectedUrl("/teams");
        assertThat(setUp.getMvcResult().getFlashMap().get("success")).isEqualTo("We sent " + client
                + " an invitation. Their profile joins your team when they accept it.");
        assertThat(audited(owner, "team.profile.set-up")).isEqualTo(1);
        assertThat(accountsWith(client)).as("nothing exists in the client's name yet").isZero();
        assertThat(mvc.get().uri("/teams").with(as(owner))).hasStatusOk().bodyText()
                .contains(client, "as expert with the profile you set up (Dr. Clara Client)")
                .contains("Free plan: 1 of 1 expert profiles");

        MimeMessage mail = mail(client);
        assertThat(mail.getSubject()).isEqualTo("Acme PR set up an expert profile for you on Sourcewire");
        assertThat(Mailbox.text(mail)).contains("Olive Owner of Acme PR set up a Sourcewire expert profile for you")
                .contains("Nothing is sent in your name until you accept");
        String link = Mailbox.link(mail, "/teams/join");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText()
                .contains("Acme PR set up your expert profile", "Olive Owner of Acme PR prepared this Sourcewire profile",
                        "Nothing is sent in your name until you create your profile here", client,
                        "Create my profile and let Acme PR pitch for me", "Not now");
        assertThat(mvc.get().uri(link)).bodyText().contains("value=\"Dr. Clara Client\"", "value=\"Night Clinic\"",
                "Runs the night-shift sleep clinic.</textarea>");

        // Bad input shows the form again with the message beside the field, and makes nothing.
        assertThat(claim(token, "Dr. Clara Client", "short", "short", "true")).hasStatusOk().bodyText()
                .contains("Use at least 10 characters.", "Create my profile");
        assertThat(claim(token, "Dr. Clara Client", GOOD_PASSWORD, GOOD_PASSWORD + "x", "true")).hasStatusOk()
                .bodyText().contains("The two passwords are not the same.");
        assertThat(claim(token, "  ", GOOD_PASSWORD, GOOD_PASSWORD, "true")).hasStatusOk().bodyText()
                .contains("Enter your name as journalists should cite it.");
        assertThat(claim(token, "Dr. Clara Client", GOOD_PASSWORD, GOOD_PASSWORD, "true", "bio", "x".repeat(601)))
                .hasStatusOk().bodyText().contains("Keep the bio to 600 characters.");
        assertThat(claim(token, "Dr. Clara Client", "password123", "password123", "true")).hasStatusOk().bodyText()
                .contains("This password is too easy to guess.");
        assertThat(accountsWith(client)).isZero();

        MvcTestResult taken = claim(token, "Dr. Clara C. Client", GOOD_PASSWORD, GOOD_PASSWORD, "true",
                "title", "Sleep physician and researcher", "company", "Night Clinic", "bio", "Twenty years of night shifts.");
        assertThat(taken).hasStatus3xxRedirection().hasRedirectedUrl("/teams");
        assertThat(taken.getMvcResult().getFlashMap().get("success")).asString()
                .startsWith("Welcome to Sourcewire. Your profile is ready, and Acme PR can pitch for you");
        // Logged in: the session the answer set opens the client's own pages.
        Cookie session = taken.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(mvc.get().uri("/teams").cookie(session)).hasStatusOk().bodyText()
                .contains("Teams that manage your profile", "Acme PR", "you approve each pitch before it is sent");

        long account = jdbc.sql("select id from account where email = :email and role = 'SOURCE' and email_verified_at is not null")
                .param("email", client).query(Long.class).single();
        assertThat(jdbc.sql("select concat_ws(' | ', name, title, company, bio) from source_profile where account_id = :id")
                .param("id", account).query(String.class).single())
                .isEqualTo("Dr. Clara C. Client | Sleep physician and researcher | Night Clinic | Twenty years of night shifts.");
        assertThat(jdbc.sql("select approval_required from team_profile where source_account_id = :id").param("id", account)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select count(*) from team_invitation where email = :email and accepted_at is not null")
                .param("email", client).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where actor_id = :id and action = 'team.expert.joined'")
                .param("id", account).query(Long.class).single()).isEqualTo(1);
        assertThat(preparedRows(client)).as("the prepared profile is the client's profile now").isZero();

        // The same form sent again makes nothing more, and says the link is used.
        assertThat(claim(token, "Dr. Clara C. Client", GOOD_PASSWORD, GOOD_PASSWORD, "true")).hasStatusOk().bodyText()
                .contains("This invitation has expired, was withdrawn, or was already used",
                        "If you have just created your profile from this link, log in");
        assertThat(accountsWith(client)).isEqualTo(1);
        assertThat(mvc.get().uri(link)).hasStatusOk().bodyText().contains("This invitation has expired")
                .doesNotContain("Create my profile");

        // The owner manages the client now, who approves each pitch first.
        assertThat(mvc.get().uri("/teams").with(as(owner))).hasStatusOk().bodyText()
                .contains("<strong>Dr. Clara C. Client</strong>", client, "Approves each pitch before it is sent")
                .doesNotContain("with the profile you set up");
        // And the client logs in with the password they chose.
        assertThat(mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress()).param("email", client)
                .param("password", GOOD_PASSWORD)).hasRedirectedUrl("/dashboard");
    }

    @Test
    void clientWhoLeavesApprovalUntickedIsPitchedForWithoutApprovingEach() throws Exception {
        CurrentUser owner = owner("Quiet PR");
        String client = TestAccounts.uniqueEmail("client");
        setUp(owner, client, "Dr. Una Ticked", null, null, null);
        String token = token(client);

        // An unticked box sends only Spring's marker field.
        assertThat(claim(token, "Dr. Una Ticked", GOOD_PASSWORD, GOOD_PASSWORD, null, "_approval", "on"))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("""
                select p.approval_required from team_profile p join account a on a.id = p.source_account_id
                where a.email = :email""").param("email", client).query(Boolean.class).single()).isFalse();
    }

    @Test
    void aDoubleSubmitMakesOneAccount() throws Exception {
        CurrentUser owner = owner("Twice PR");
        String client = TestAccounts.uniqueEmail("client");
        setUp(owner, client, "Dr. Double Click", null, null, null);
        String token = token(client);

        List<MvcTestResult> answers = Concurrently.run(2, n -> claim(token, "Dr. Double Click", GOOD_PASSWORD,
                GOOD_PASSWORD, "true"));

        assertThat(answers).allMatch(Concurrently::answered, "no server error");
        assertThat(answers.stream().map(answer -> answer.getResponse().getStatus()).sorted().toList())
                .containsExactly(200, 302);
        assertThat(accountsWith(client)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from team_profile p join account a on a.id = p.source_account_id "
                + "where a.email = :email").param("email", client).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSetUpProfileTakesAPlanProfileLikeAnInvitation() {
        CurrentUser owner = owner("Small PR"); // Free: one expert profile
        assertThat(setUp(owner, TestAccounts.uniqueEmail("client"), "Dr. First", null, null, null))
                .hasStatus3xxRedirection();

        MvcTestResult second = setUp(owner, TestAccounts.uniqueEmail("client"), "Dr. Second", null, null, null);
        assertThat(second).hasStatusOk();
        assertThat(messageBeside(second, "client-email")).contains("Your Free plan manages up to 1 expert profile");
        // Nor can an ordinary expert invitation take the profile the set-up holds.
        assertThat(post(owner, "/teams/invitations", "email", TestAccounts.uniqueEmail("expert"), "kind", "EXPERT"))
                .hasStatusOk().bodyText().contains("Your Free plan manages up to 1 expert profile");
        assertThat(jdbc.sql("""
                select count(*) from team_invitation i join team t on t.id = i.team_id where t.owner_id = :owner""")
                .param("owner", owner.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAddressWithAnAccountGetsTheOrdinaryInvitationAndTheOwnerSeesTheSameNotice() throws Exception {
        CurrentUser owner = owner("Fair PR");
        CurrentUser existing = accounts.source("Dr. Has Account", TestAccounts.uniqueEmail("existing"));
        sources.profile(existing);
        String ownProfile = profileName(existing);

        MvcTestResult setUp = setUp(owner, existing.email(), "Someone Else", "Made-up title", null, null);
        assertThat(setUp).hasStatus3xxRedirection().hasRedirectedUrl("/teams");
        assertThat(setUp.getMvcResult().getFlashMap().get("success")).isEqualTo("We sent " + existing.email()
                + " an invitation. Their profile joins your team when they accept it.");
        assertThat(preparedRows(existing.email())).as("kept as for any address: the owner cannot tell").isEqualTo(1);

        MimeMessage mail = mail(existing.email());
        assertThat(mail.getSubject()).isEqualTo("Fair PR asks to manage your expert profile on Sourcewire");
        String link = Mailbox.link(mail, "/teams/join");
        // Not logged in: to log in first, as for any invitation; the prepared fields are not shown to anyone.
        assertThat(mvc.get().uri(link)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri(link).with(as(existing))).hasStatusOk().bodyText().contains("asks to manage your expert profile")
                .doesNotContain("Someone Else");
        assertThat(post(existing, "/teams/join", "token", link.substring(link.indexOf("token=") + 6)))
                .hasRedirectedUrl("/teams");
        assertThat(profileName(existing)).isEqualTo(ownProfile).isNotEqualTo("Someone Else");
        assertThat(accountsWith(existing.email())).isEqualTo(1);
        assertThat(preparedRows(existing.email())).as("the prepared profile goes once the invitation is used").isZero();
    }

    @Test
    void onlyTheTeamsOwnerSetsUpProfiles() {
        CurrentUser owner = owner("Owned PR");
        CurrentUser member = accounts.source("Jane Roe", TestAccounts.uniqueEmail("member"));
        assertThat(post(owner, "/teams/invitations", "email", member.email(), "kind", "MEMBER")).hasStatus3xxRedirection();
        assertThat(post(member, "/teams/join", "token", token(member.email()))).hasStatus3xxRedirection();

        String client = TestAccounts.uniqueEmail("client");
        assertThat(setUp(member, client, "Dr. Nobody", null, null, null)).hasStatus(404);
        assertThat(setUp(accounts.journalist(), client, "Dr. Nobody", null, null, null)).hasStatus(403);
        assertThat(mvc.post().uri("/teams/invitations/profile").with(as(owner)).param("name", "Dr. Nobody")
                .param("email", client)).as("no CSRF token").hasStatus(403);
        assertThat(jdbc.sql("select count(*) from team_invitation where email = :email").param("email", client)
                .query(Long.class).single()).isZero();
    }

    @Test
    void ownersBadInputGetsMessagesBesideTheFieldsAndSendsNothing() {
        CurrentUser owner = owner("Careful PR");
        assertThat(messageBeside(setUp(owner, TestAccounts.uniqueEmail("client"), " ", null, null, null), "client-name"))
                .contains("Enter your client's name as journalists should cite it.");
        assertThat(messageBeside(setUp(owner, "not an address", "Dr. Valid", null, null, null), "client-email"))
                .contains("Enter a valid e-mail address");
        assertThat(messageBeside(setUp(owner, "a@localhost", "Dr. Valid", null, null, null), "client-email"))
                .as("the sign-up form's rule: a dot in the domain").contains("Enter a valid e-mail address");
        assertThat(messageBeside(setUp(owner, TestAccounts.uniqueEmail("client"), "Dr. Valid", "t".repeat(101), null,
                "b".repeat(601)), "client-bio")).contains("Keep the bio to 600 characters.");
        assertThat(messageBeside(setUp(owner, TestAccounts.uniqueEmail("client"), "Dr. Valid", "t".repeat(101), null,
                null), "client-title")).contains("Use at most 100 characters.");
        assertThat(messageBeside(setUp(owner, owner.email(), "Dr. Valid", null, null, null), "client-email"))
                .contains("That is your own address");
        assertThat(jdbc.sql("select count(*) from team_invitation i join team t on t.id = i.team_id where t.owner_id = :owner")
                .param("owner", owner.id()).query(Long.class).single()).isZero();
    }

    @Test
    void aWithdrawnSetUpLinkNoLongerOpens() throws Exception {
        CurrentUser owner = owner("Undo PR");
        String client = TestAccounts.uniqueEmail("client");
        setUp(owner, client, "Dr. Withdrawn", null, null, null);
        String token = token(client);
        long invitation = jdbc.sql("select id from team_invitation where email = :email").param("email", client)
                .query(Long.class).single();

        assertThat(post(owner, "/teams/invitations/withdraw", "invitation", invitation)).hasStatus3xxRedirection();
        assertThat(preparedRows(client)).as("nothing of the client's is kept after withdrawal").isZero();

        assertThat(mvc.get().uri("/teams/join?token=" + token)).hasStatusOk().bodyText()
                .contains("This invitation has expired").doesNotContain("Dr. Withdrawn");
        assertThat(claim(token, "Dr. Withdrawn", GOOD_PASSWORD, GOOD_PASSWORD, "true")).hasStatusOk().bodyText()
                .contains("This invitation has expired");
        assertThat(accountsWith(client)).isZero();
        assertThat(mvc.get().uri("/teams").with(as(owner))).bodyText().doesNotContain(client);
    }

    @Test
    void aPlainInvitationStillAsksToLogInAndComesBackAfterIt() throws Exception {
        CurrentUser owner = owner("Plain PR");
        CurrentUser member = accounts.source("Jane Roe", TestAccounts.uniqueEmail("member"));
        assertThat(post(owner, "/teams/invitations", "email", member.email(), "kind", "MEMBER")).hasStatus3xxRedirection();
        String path = "/teams/join?token=" + token(member.email());

        MvcTestResult opened = mvc.get().uri(path).exchange();
        assertThat(opened).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        Cookie anonymous = opened.getResponse().getCookie("SESSION");
        assertThat(anonymous).as("the session that remembers where to come back to").isNotNull();
        MvcTestResult loggedIn = mvc.post().uri("/login").with(csrf()).with(TestAccounts.fromOwnAddress()).cookie(anonymous)
                .param("email", member.email()).param("password", TestAccounts.PASSWORD).exchange();
        assertThat(loggedIn).hasStatus3xxRedirection().redirectedUrl().startsWith(path);
        assertThat(mvc.get().uri(loggedIn.getResponse().getRedirectedUrl()).cookie(loggedIn.getResponse().getCookie("SESSION")))
                .hasStatusOk().bodyText().contains("invites you to join its team", "Accept");

        // Accepting is for a logged-in account, and the profile form takes no plain invitation.
        assertThat(mvc.post().uri("/teams/join").with(csrf()).param("token", token(member.email())))
                .hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(claim(token(member.email()), "Jane Roe", GOOD_PASSWORD, GOOD_PASSWORD, "true"))
                .hasStatus3xxRedirection().hasRedirectedUrl(path);
        assertThat(jdbc.sql("select count(*) from team_member where account_id = :id").param("id", member.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOwnersOpenInvitationsReadTheSameForAnAddressWithAnAccountAndANewOne() {
        CurrentUser existing = accounts.source("Dr. Has Account", TestAccounts.uniqueEmail("existing"));
        String fresh = TestAccounts.uniqueEmail("client");
        CurrentUser first = owner("Same PR");
        CurrentUser second = owner("Same PR");

        assertThat(setUp(first, existing.email(), "Dr. Same Name", "Surgeon", null, null)).hasStatus3xxRedirection();
        assertThat(setUp(second, fresh, "Dr. Same Name", "Surgeon", null, null)).hasStatus3xxRedirection();

        List<String> withAccount = openInvitations(first, existing.email());
        assertThat(withAccount).singleElement().asString().contains("as expert with the profile you set up (Dr. Same Name)");
        assertThat(openInvitations(second, fresh)).isEqualTo(withAccount);
    }

    @Test
    void aLoggedInClaimWithAnOverlongOrUnknownTokenGoesToThePlainInvitationPage() {
        CurrentUser someone = accounts.source();
        for (String token : List.of("x".repeat(10_000), "not-a-token")) {
            assertThat(mvc.post().uri("/teams/join/profile").with(as(someone)).with(csrf()).param("token", token)
                    .param("name", "Dr. Long").param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD))
                    .hasStatus3xxRedirection().hasRedirectedUrl("/teams/join");
        }
        // Not logged in, the same token opens nothing, and says so.
        assertThat(claim("x".repeat(10_000), "Dr. Long", GOOD_PASSWORD, GOOD_PASSWORD, "true")).hasStatusOk().bodyText()
                .contains("This invitation has expired");
        assertThat(mvc.get().uri("/teams/join").param("token", "x".repeat(10_000))).hasStatusOk().bodyText()
                .contains("This invitation has expired");
    }

    @Test
    void anApprovalOtherThanYesCountsAsNo() {
        CurrentUser owner = owner("Maybe PR");
        String client = TestAccounts.uniqueEmail("client");
        setUp(owner, client, "Dr. Maybe", null, null, null);

        assertThat(claim(token(client), "Dr. Maybe", GOOD_PASSWORD, GOOD_PASSWORD, "maybe")).hasStatus3xxRedirection()
                .hasRedirectedUrl("/teams");
        assertThat(jdbc.sql("""
                select p.approval_required from team_profile p join account a on a.id = p.source_account_id
                where a.email = :email""").param("email", client).query(Boolean.class).single()).isFalse();
    }

    @Test
    void theNewProfileStartsInTheBrowsersTimeZone() {
        CurrentUser owner = owner("Tokyo PR");
        String client = TestAccounts.uniqueEmail("client");
        setUp(owner, client, "Dr. Kenji Client", null, null, null);

        assertThat(mvc.post().uri("/teams/join/profile").with(csrf()).cookie(new Cookie("tz", "Asia%2FTokyo"))
                .param("token", token(client)).param("name", "Dr. Kenji Client").param("password", GOOD_PASSWORD)
                .param("confirmation", GOOD_PASSWORD)).hasStatus3xxRedirection().hasRedirectedUrl("/teams");
        assertThat(jdbc.sql("""
                select p.time_zone from source_profile p join account a on a.id = p.account_id where a.email = :email""")
                .param("email", client).query(String.class).single()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void aMemberInvitationOpensNoProfileFormEvenWithAPreparedRow() {
        CurrentUser owner = owner("Member PR");
        String invited = TestAccounts.uniqueEmail("member");
        assertThat(post(owner, "/teams/invitations", "email", invited, "kind", "MEMBER")).hasStatus3xxRedirection();
        String token = token(invited);
        jdbc.sql("""
                insert into team_invitation_profile (invitation_id, name)
                select id, 'Dr. Not An Expert' from team_invitation where email = :email""").param("email", invited).update();

        assertThat(mvc.get().uri("/teams/join?token=" + token)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(claim(token, "Dr. Not An Expert", GOOD_PASSWORD, GOOD_PASSWORD, "true")).hasStatus3xxRedirection()
                .hasRedirectedUrl("/teams/join?token=" + token);
        assertThat(accountsWith(invited)).isZero();
    }

    @Test
    void anExpiredLinkShowsTheExpiredCardAndItsPreparedProfileIsPurged() {
        CurrentUser owner = owner("Late PR");
        String client = TestAccounts.uniqueEmail("client");
        setUp(owner, client, "Dr. Too Late", null, null, null);
        String token = token(client);

        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertThat(mvc.get().uri("/teams/join?token=" + token)).hasStatusOk().bodyText()
                .contains("This invitation has expired").doesNotContain("Dr. Too Late");
        assertThat(claim(token, "Dr. Too Late", GOOD_PASSWORD, GOOD_PASSWORD, "true")).hasStatusOk().bodyText()
                .contains("This invitation has expired");
        assertThat(accountsWith(client)).isZero();
        assertThat(mvc.get().uri("/teams").with(as(owner))).bodyText().doesNotContain(client);

        assertThat(preparedRows(client)).isEqualTo(1);
        assertThat(clientProfiles.purgeClosed()).isPositive();
        assertThat(preparedRows(client)).as("an expired invitation's prepared profile is not kept").isZero();
    }

    @Test
    void theClaimNeedsItsCsrfTokenAndStartsANewSession() throws Exception {
        CurrentUser owner = owner("Session PR");
        String client = TestAccounts.uniqueEmail("client");
        setUp(owner, client, "Dr. Fixed Session", null, null, null);
        String token = token(client);

        assertThat(mvc.post().uri("/teams/join/profile").param("token", token).param("name", "Dr. Fixed Session")
                .param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD)).as("no CSRF token").hasStatus(403);
        assertThat(accountsWith(client)).isZero();

        MvcTestResult opened = mvc.get().uri("/teams/join?token=" + token).exchange();
        assertThat(opened).hasStatusOk().bodyText().contains("Create my profile");
        Cookie before = opened.getResponse().getCookie("SESSION");
        assertThat(before).as("the page's session, which holds its CSRF token").isNotNull();

        MvcTestResult taken = mvc.post().uri("/teams/join/profile").with(csrf()).cookie(before).param("token", token)
                .param("name", "Dr. Fixed Session").param("password", GOOD_PASSWORD).param("confirmation", GOOD_PASSWORD)
                .exchange();
        assertThat(taken).hasStatus3xxRedirection().hasRedirectedUrl("/teams");
        Cookie after = taken.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).as("a new session id once logged in (no fixation)").isNotEqualTo(before.getValue());
        assertThat(mvc.get().uri("/teams").cookie(after)).hasStatusOk();
        assertThat(mvc.get().uri("/teams").cookie(before)).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }

    @Test
    void aMissingPasswordOrConfirmationAndOverlongFieldsGetMessagesBesideThemAndMakeNothing() {
        CurrentUser owner = owner("Strict PR");
        String client = TestAccounts.uniqueEmail("client");
        setUp(owner, client, "Dr. Strict", null, null, null);
        String token = token(client);

        assertThat(messageBeside(claim(token, "Dr. Strict", null, GOOD_PASSWORD, "true"), "password"))
                .contains("Enter a password.");
        assertThat(messageBeside(claim(token, "Dr. Strict", GOOD_PASSWORD, null, "true"), "confirmation"))
                .contains("The two passwords are not the same.");
        assertThat(messageBeside(claim(token, "n".repeat(101), GOOD_PASSWORD, GOOD_PASSWORD, "true"), "name"))
                .contains("Use at most 100 characters.");
        assertThat(messageBeside(claim(token, "Dr. Strict", GOOD_PASSWORD, GOOD_PASSWORD, "true", "title", "t".repeat(101)),
                "title")).contains("Use at most 100 characters.");
        assertThat(messageBeside(claim(token, "Dr. Strict", GOOD_PASSWORD, GOOD_PASSWORD, "true", "company", "c".repeat(101)),
                "company")).contains("Use at most 100 characters.");
        assertThat(accountsWith(client)).isZero();
    }

    @Test
    void aSignUpThatGivesTheAddressAnAccountAtTheSameMomentWinsAndTheClaimIsRefusedAsSuch() throws Exception {
        String client = TestAccounts.uniqueEmail("client");
        EncodedPassword password = accountManagement.encodeNewPassword(GOOD_PASSWORD, client);
        CountDownLatch made = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // The first makes the account and holds its transaction open until the second waits on the unique index.
            Future<?> first = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                assertThat(accountManagement.createConfirmedSource("Dr. First", client, password)).isPresent();
                made.countDown();
                long deadline = System.currentTimeMillis() + 10_000;
                while (!jdbc.sql("select exists (select 1 from pg_locks where not granted)").query(Boolean.class).single()
                        && System.currentTimeMillis() < deadline) {
                    Thread.onSpinWait();
                }
            }));
            assertThat(made.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> accountManagement.createConfirmedSource("Dr. Second", client, password))
                    .isInstanceOf(EmailAlreadyRegisteredException.class);
            first.get(30, TimeUnit.SECONDS);
        }
        finally {
            other.shutdownNow();
        }
        assertThat(jdbc.sql("select display_name from account where email = :email").param("email", client)
                .query(String.class).single()).isEqualTo("Dr. First");
    }

    private CurrentUser owner(String team) {
        CurrentUser owner = accounts.source("Olive Owner", TestAccounts.uniqueEmail("owner"));
        assertThat(post(owner, "/teams", "name", team)).hasStatus3xxRedirection();
        return owner;
    }

    private MvcTestResult setUp(CurrentUser owner, String email, String name, String title, String company, String bio) {
        var request = mvc.post().uri("/teams/invitations/profile").with(as(owner)).with(csrf()).param("email", email)
                .param("name", name);
        if (title != null) {
            request = request.param("title", title);
        }
        if (company != null) {
            request = request.param("company", company);
        }
        if (bio != null) {
            request = request.param("bio", bio);
        }
        return request.exchange();
    }

    /** The client's form, sent without logging in; {@code approval} null leaves the box unticked, a null password out. */
    private MvcTestResult claim(String token, String name, String password, String confirmation, String approval,
            String... more) {
        var request = mvc.post().uri("/teams/join/profile").with(csrf()).param("token", token).param("name", name);
        if (password != null) {
            request = request.param("password", password);
        }
        if (confirmation != null) {
            request = request.param("confirmation", confirmation);
        }
        if (approval != null) {
            request = request.param("approval", approval).param("_approval", "on");
        }
        for (int i = 0; i < more.length; i += 2) {
            request = request.param(more[i], more[i + 1]);
        }
        return request.exchange();
    }

    private MimeMessage mail(String to) {
        mailbox.deliver();
        List<MimeMessage> received = mailbox.receivedBy(to);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /** The invitation's token, from the mail as queued. */
    private String token(String to) {
        String mail = jdbc.sql("select text_body from mail_outbox where recipient = :to order by id desc limit 1")
                .param("to", to).query(String.class).single();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("/teams/join\\?token=([A-Za-z0-9_-]+)").matcher(mail);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** The message under a field of the page (its {@code <id>-help} element), "" when there is none. */
    private static String messageBeside(MvcTestResult result, String fieldId) {
        assertThat(result).hasStatusOk();
        try {
            org.jsoup.nodes.Element help = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString(
                    java.nio.charset.StandardCharsets.UTF_8)).getElementById(fieldId + "-help");
            return help == null ? "" : help.text();
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private long preparedRows(String email) {
        return jdbc.sql("""
                select count(*) from team_invitation_profile p join team_invitation i on i.id = p.invitation_id
                where i.email = :email""").param("email", email).query(Long.class).single();
    }

    /** The owner's list of open invitations as it reads, the address written as ADDRESS and the deadline as DEADLINE. */
    private List<String> openInvitations(CurrentUser owner, String address) {
        MvcTestResult page = mvc.get().uri("/teams").with(as(owner)).exchange();
        assertThat(page).hasStatusOk();
        try {
            return org.jsoup.Jsoup.parse(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .select("h3:containsOwn(Open invitations) + ul > li").stream()
                    .map(item -> item.text().replace(address, "ADDRESS").replaceAll("until .*\\(.*?\\)", "until DEADLINE"))
                    .toList();
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private long accountsWith(String email) {
        return jdbc.sql("select count(*) from account where email = lower(:email)").param("email", email)
                .query(Long.class).single();
    }

    private String profileName(CurrentUser user) {
        return jdbc.sql("select name from source_profile where account_id = :id").param("id", user.id())
                .query(String.class).single();
    }

    private MvcTestResult post(CurrentUser user, String path, Object... params) {
        var request = mvc.post().uri(path).with(as(user)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param((String) params[i], String.valueOf(params[i + 1]));
        }
        return request.exchange();
    }

    private long audited(CurrentUser actor, String action) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :id and action = :action")
                .param("id", actor.id()).param("action", action).query(Long.class).single();
    }
}
