package org.sourcewire.outlets;

import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.queries.QueryMother;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** A journalist's outlet is verified by the admins' registry or an admin's confirmation, never by a typed domain. */
class OutletVerificationTests extends IntegrationTest {

    @Autowired
    TestOutlets outlets;

    @Autowired
    AccountManagement management;

    @Autowired
    Verifications verifications;

    private static String freshDomain() {
        return "outlet-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    private CurrentUser journalistAt(String domain) {
        return accounts.create(new SignUp("Rita Reporter", "rita@news." + domain, TestAccounts.PASSWORD, Role.JOURNALIST,
                "The Chronicle", "https://" + domain), true);
    }

    private boolean verifiedOutlet(CurrentUser user) {
        return management.find(user.id()).orElseThrow().hasVerifiedOutlet();
    }

    @Test
    void aDomainOfOnesOwnIsNotAVerifiedOutlet() {
        assertThat(verifiedOutlet(journalistAt(freshDomain()))).isFalse();
    }

    @Test
    void anAddressAtAConfirmedDomainOfARegisteredOutletIsVerifiedWhicheverComesFirst() {
        String before = freshDomain();
        outlets.registered("Before " + before, before, true);
        CurrentUser early = journalistAt(before);

        String after = freshDomain();
        CurrentUser late = journalistAt(after);
        long outlet = outlets.registered("After " + after, after, false);
        assertThat(verifiedOutlet(late)).as("a domain not yet confirmed verifies no one").isFalse();
        CurrentUser admin = accounts.admin();
        long domainId = jdbc.sql("select id from outlet_domain where outlet_id = :id").param("id", outlet).query(Long.class).single();
        assertThat(mvc.post().uri("/admin/outlets/" + outlet + "/domains/" + domainId + "/confirm").with(csrf()).with(as(admin)))
                .hasRedirectedUrl("/admin/outlets/" + outlet);

        assertThat(verifiedOutlet(early)).isTrue();
        assertThat(verifiedOutlet(late)).isTrue();
        assertThat(verifications.passed(late.id())).singleElement().satisfies(check -> {
            assertThat(check.kind()).isEqualTo(VerificationKind.OUTLET_EMAIL_DOMAIN);
            assertThat(check.subject()).isEqualTo(after);
        });
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'outlet.domain-confirmed' and subject = :s")
                .param("s", "outlet " + outlet).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAdminConfirmsAJournalistsOutletWithANoteThatSourcesNeverSee() {
        CurrentUser journalist = journalistAt(freshDomain());
        CurrentUser admin = accounts.admin();

        assertThat(mvc.post().uri("/admin/outlets/journalists/" + journalist.id()).with(csrf()).with(as(admin))
                .param("note", "").param("confirmed", "true")).hasStatusOk().bodyText().contains("Say how you checked");
        assertThat(verifiedOutlet(journalist)).isFalse();
        assertThat(mvc.post().uri("/admin/outlets/journalists/" + journalist.id()).with(csrf()).with(as(admin))
                .param("note", "Masthead lists her; called the desk").param("confirmed", "true"))
                .hasRedirectedUrl("/admin/outlets/journalists/" + journalist.id());

        assertThat(verifiedOutlet(journalist)).isTrue();
        assertThat(verifications.history(journalist.id())).singleElement().satisfies(recorded -> {
            assertThat(recorded.check().kind()).isEqualTo(VerificationKind.OUTLET_CONFIRMED);
            assertThat(recorded.note()).isEqualTo("Masthead lists her; called the desk");
            assertThat(recorded.check().by()).isEqualTo("Ada Admin");
        });
        long id = queries.by(journalist).publish();
        assertThat(mvc.get().uri("/queries/" + id).with(as(accounts.source()))).hasStatusOk().bodyText()
                .contains("Outlet confirmed by Sourcewire").contains("The Chronicle")
                .doesNotContain("Masthead lists her");
    }

    @Test
    void changingTheAccountsOutletEndsItsVerification() {
        String domain = freshDomain();
        outlets.registered("The Chronicle " + domain, domain, true);
        CurrentUser atDomain = journalistAt(domain);
        CurrentUser confirmed = journalistAt(freshDomain());
        assertThat(mvc.post().uri("/admin/outlets/journalists/" + confirmed.id()).with(csrf()).with(as(accounts.admin()))
                .param("note", "Called the desk").param("confirmed", "true")).hasStatus3xxRedirection();
        for (CurrentUser journalist : new CurrentUser[] { atDomain, confirmed }) {
            assertThat(verifiedOutlet(journalist)).isTrue();
            // The same outlet written another way, and a new name for the journalist: the check stands.
            assertThat(mvc.post().uri("/account/details").with(csrf()).with(as(journalist)).param("displayName", "Rita R.")
                    .param("outletName", "the chronicle ").param("outletUrl", "http://www." + domain(journalist) + "/"))
                    .hasRedirectedUrl("/account");
            assertThat(verifiedOutlet(journalist)).as("same outlet").isTrue();

            assertThat(mvc.post().uri("/account/details").with(csrf()).with(as(journalist)).param("displayName", "Rita R.")
                    .param("outletName", "The New York Times").param("outletUrl", "https://www.nytimes.com"))
                    .hasRedirectedUrl("/account");
            assertThat(verifiedOutlet(journalist)).as("another outlet").isFalse();
            assertThat(verifications.history(journalist.id()).get(0).check()).satisfies(check -> {
                assertThat(check.passed()).isFalse();
                assertThat(check.detail()).contains("outlet changed");
            });
        }
    }

    @Test
    void anAddressAtARegisteredOutletVerifiesOnlyAnAccountThatNamesThatOutlet() {
        String domain = freshDomain();
        outlets.registered("The Chronicle " + domain, domain, true);
        CurrentUser elsewhere = journalistNamingAnotherOutletAt(domain);
        CurrentUser own = journalistAt(domain);
        assertThat(verifiedOutlet(elsewhere)).as("an address at the domain, another outlet named").isFalse();
        assertThat(verifications.history(elsewhere.id())).isEmpty();
        assertThat(verifiedOutlet(own)).isTrue();

        // A domain confirmed after the sign-up: the same rule, and confirming it again changes nothing.
        String later = freshDomain();
        long outlet = outlets.registered("The Chronicle " + later, later, false);
        CurrentUser lateElsewhere = journalistNamingAnotherOutletAt(later);
        CurrentUser lateOwn = journalistAt(later);
        long domainId = jdbc.sql("select id from outlet_domain where outlet_id = :id").param("id", outlet).query(Long.class).single();
        for (int confirmation = 0; confirmation < 2; confirmation++) {
            assertThat(mvc.post().uri("/admin/outlets/" + outlet + "/domains/" + domainId + "/confirm").with(csrf())
                    .with(as(accounts.admin()))).hasRedirectedUrl("/admin/outlets/" + outlet);
        }
        assertThat(verifiedOutlet(lateElsewhere)).isFalse();
        assertThat(verifiedOutlet(lateOwn)).isTrue();

        // A journalist who changed to another outlet does not get the check back when an admin confirms the domain.
        assertThat(mvc.post().uri("/account/details").with(csrf()).with(as(lateOwn)).param("displayName", "Rita R.")
                .param("outletName", "The New York Times").param("outletUrl", "https://www.nytimes.com"))
                .hasRedirectedUrl("/account");
        assertThat(mvc.post().uri("/admin/outlets/" + outlet + "/domains/" + domainId + "/confirm").with(csrf())
                .with(as(accounts.admin()))).hasRedirectedUrl("/admin/outlets/" + outlet);
        assertThat(verifiedOutlet(lateOwn)).isFalse();
    }

    private CurrentUser journalistNamingAnotherOutletAt(String domain) {
        return accounts.create(new SignUp("Nick Elsewhere", "nick-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                + domain, TestAccounts.PASSWORD, Role.JOURNALIST, "The New York Times", "https://www.nytimes.com"), true);
    }

    private String domain(CurrentUser journalist) {
        return management.find(journalist.id()).orElseThrow().outletUrl().replace("https://", "");
    }

    @Test
    void aProposedOutletAcceptedByAnAdminVerifiesTheJournalistsAtItsDomain() {
        String domain = freshDomain();
        CurrentUser journalist = journalistAt(domain);
        assertThat(mvc.post().uri("/account/outlet").with(csrf()).with(as(journalist)).param("name", "Chronicle " + domain)
                .param("website", "https://www." + domain + "/news").param("type", "MAGAZINE"))
                .hasRedirectedUrl("/account/outlet");
        assertThat(mvc.post().uri("/account/outlet").with(csrf()).with(as(journalist)).param("name", "Again")
                .param("website", "https://again.example").param("type", "MAGAZINE"))
                .hasStatusOk().bodyText().contains("You already have a proposal waiting");
        long proposal = jdbc.sql("select id from outlet_proposal where account_id = :a").param("a", journalist.id())
                .query(Long.class).single();
        CurrentUser admin = accounts.admin();
        assertThat(mvc.get().uri("/admin/outlets").with(as(admin))).hasStatusOk().bodyText().contains("Chronicle " + domain);

        assertThat(mvc.post().uri("/admin/outlets/proposals/" + proposal + "/accept").with(csrf()).with(as(admin)))
                .hasStatus3xxRedirection();

        assertThat(verifiedOutlet(journalist)).isTrue();
        assertThat(mvc.get().uri("/admin/outlets?q=" + domain).with(as(admin))).bodyText()
                .contains("Chronicle " + domain).contains(domain).contains("confirmed");
        assertThat(mvc.get().uri("/account/outlet").with(as(journalist))).bodyText().contains("is in the registry");
    }

    @Test
    void aRejectedProposalNeedsAReasonAndTheJournalistReadsIt() {
        String domain = freshDomain();
        CurrentUser journalist = journalistAt(domain);
        mvc.post().uri("/account/outlet").with(csrf()).with(as(journalist)).param("name", "Blog " + domain)
                .param("website", "https://" + domain).param("type", "ONLINE").exchange();
        long proposal = jdbc.sql("select id from outlet_proposal where account_id = :a").param("a", journalist.id())
                .query(Long.class).single();
        CurrentUser admin = accounts.admin();

        assertThat(mvc.post().uri("/admin/outlets/proposals/" + proposal + "/reject").with(csrf()).with(as(admin))
                .param("reason", " ")).hasStatusOk().bodyText().contains("Give the journalist a reason.");
        assertThat(mvc.post().uri("/admin/outlets/proposals/" + proposal + "/reject").with(csrf()).with(as(admin))
                .param("reason", "A personal blog is not an outlet.")).hasRedirectedUrl("/admin/outlets");

        assertThat(verifiedOutlet(journalist)).isFalse();
        assertThat(jdbc.sql("select count(*) from outlet_domain where domain = :d").param("d", domain).query(Long.class).single())
                .isZero();
        assertThat(mvc.get().uri("/account/outlet").with(as(journalist))).bodyText()
                .contains("A personal blog is not an outlet.");
    }

    @Test
    void anAnonymousQueryFromAnUnverifiedOutletIsRefusedBesideTheFieldAndNothingIsSaved() throws Exception {
        String domain = freshDomain();
        // Before the registry, an address at the typed outlet's own domain was enough.
        CurrentUser journalist = accounts.create(new SignUp("Olly Own", "olly@" + domain, TestAccounts.PASSWORD,
                Role.JOURNALIST, "Olly's Times", "https://www." + domain), true);

        var answer = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)),
                QueryMother.topicId(jdbc, "General"), "anonymous", "true").param("action", "submit");

        assertThat(answer).hasStatusOk();
        Document page = Jsoup.parse(answer.exchange().getResponse().getContentAsString());
        assertThat(page.select("#anonymous-help .invalid-feedback").text())
                .contains("Only journalists with a verified outlet may post anonymously").contains("registry");
        assertThat(jdbc.sql("select count(*) from journalist_query where journalist_id = :j").param("j", journalist.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAnonymousQueryMustNameTheVerifiedOutlet() throws Exception {
        outlets.ledger();
        CurrentUser journalist = accounts.create(new SignUp("Vera Verified", "vera-" + UUID.randomUUID().toString()
                .substring(0, 8) + "@ledger.example", TestAccounts.PASSWORD, Role.JOURNALIST, "The Ledger",
                "https://ledger.example"), true);
        assertThat(verifiedOutlet(journalist)).isTrue();

        var elsewhere = QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)),
                QueryMother.topicId(jdbc, "General"), "anonymous", "true", "outletName", "The New York Times",
                "outletUrl", "https://www.nytimes.com").param("action", "submit");

        assertThat(elsewhere).hasStatusOk();
        Document page = Jsoup.parse(elsewhere.exchange().getResponse().getContentAsString());
        assertThat(page.select("#anonymous-help .invalid-feedback").text()).contains("must name that outlet");
        assertThat(jdbc.sql("select count(*) from journalist_query where journalist_id = :j").param("j", journalist.id())
                .query(Long.class).single()).isZero();

        assertThat(QueryMother.complete(mvc.post().uri("/queries").with(csrf()).with(as(journalist)),
                QueryMother.topicId(jdbc, "General"), "anonymous", "true").param("action", "submit"))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("select count(*) from journalist_query where journalist_id = :j and anonymous")
                .param("j", journalist.id()).query(Long.class).single()).isOne();
    }

    @Test
    void anAdminAddsAnOutletWithMessagesBesideTheFields() throws Exception {
        CurrentUser admin = accounts.admin();
        String domain = freshDomain();
        var bad = mvc.post().uri("/admin/outlets/new").with(csrf()).with(as(admin)).param("name", "")
                .param("website", "not a domain").param("type", "ONLINE").exchange();
        assertThat(bad).hasStatusOk();
        Document page = Jsoup.parse(bad.getResponse().getContentAsString());
        assertThat(page.select("#name-help").text()).isEqualTo("Enter the outlet's name.");
        assertThat(mvc.post().uri("/admin/outlets/new").with(csrf()).with(as(admin)).param("name", "N")
                .param("website", "https://n.example").param("type", "TELEPATHY")).hasStatusOk().bodyText()
                .contains("Choose the kind of outlet.");
        assertThat(page.text()).doesNotContain("Exception");
        assertThat(mvc.post().uri("/admin/outlets/new").with(csrf()).with(as(admin)).param("name", "Wire " + domain)
                .param("website", "https://" + domain).param("type", "AGENCY")).hasStatus3xxRedirection();
        assertThat(mvc.post().uri("/admin/outlets/new").with(csrf()).with(as(admin)).param("name", "Other " + domain)
                .param("website", "www." + domain).param("type", "AGENCY")).hasStatusOk().bodyText()
                .contains(domain + " already belongs to Wire " + domain);
        long id = jdbc.sql("select outlet_id from outlet_domain where domain = :d").param("d", domain).query(Long.class).single();
        assertThat(mvc.post().uri("/admin/outlets/" + id).with(csrf()).with(as(admin)).param("name", "Wire Renamed " + domain)
                .param("type", "NEWSPAPER")).hasRedirectedUrl("/admin/outlets/" + id);
        assertThat(mvc.get().uri("/admin/outlets/" + id).with(as(admin))).bodyText().contains("Wire Renamed " + domain);
        assertThat(jdbc.sql("select count(*) from audit_entry where subject = :s").param("s", "outlet " + id)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void nonAdminsGet403OnTheRegistryAndPostsNeedCsrf() {
        CurrentUser journalist = accounts.journalist();
        assertThat(mvc.get().uri("/admin/outlets").with(as(journalist))).hasStatus(403);
        assertThat(mvc.get().uri("/admin/outlets").with(as(accounts.source()))).hasStatus(403);
        assertThat(mvc.post().uri("/admin/outlets/new").with(csrf()).with(as(journalist)).param("name", "X")
                .param("website", "https://x.example").param("type", "ONLINE")).hasStatus(403);
        assertThat(mvc.post().uri("/admin/outlets/new").with(as(accounts.admin())).param("name", "X")
                .param("website", "https://x-nocsrf.example").param("type", "ONLINE")).hasStatus(403);
        assertThat(mvc.post().uri("/account/outlet").with(as(journalist)).param("name", "X")
                .param("website", "https://x-nocsrf.example").param("type", "ONLINE")).hasStatus(403);
        assertThat(mvc.get().uri("/account/outlet").with(as(accounts.source()))).hasStatus(404);
    }
}
