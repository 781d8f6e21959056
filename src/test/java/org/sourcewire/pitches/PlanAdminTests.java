package org.sourcewire.pitches;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class PlanAdminTests extends IntegrationTest {

    private long lastAccountBefore;

    @BeforeEach
    void rememberTheLastAccount() {
        lastAccountBefore = jdbc.sql("select coalesce(max(id), 0) from account").query(Long.class).single();
    }

    /** This page says "Every source is on Free" while nobody has a paid plan: put this test's sources back. */
    @AfterEach
    void putThisTestsSourcesBackOnFree() {
        jdbc.sql("delete from source_plan where account_id > :last").param("last", lastAccountBefore).update();
    }

    @Test
    void anAdminPutsASourceOnAPlanAndTheLargerQuotaTakesEffect() {
        CurrentUser admin = accounts.admin();
        CurrentUser source = accounts.source();
        CurrentUser journalist = accounts.journalist();
        for (int i = 0; i < 10; i++) {
            assertThat(PitchMother.pitch(mvc, source, queries.by(journalist).publish())).hasStatus3xxRedirection();
        }
        long eleventh = queries.by(journalist).publish();
        assertThat(PitchMother.pitch(mvc, source, eleventh)).hasStatusOk().bodyText().contains("the most the Free plan allows");

        assertThat(mvc.get().uri("/admin/plans").with(as(admin))).hasStatusOk().bodyText()
                .contains("Pitch plans").contains("Standard").contains("Every source is on Free");
        assertThat(mvc.post().uri("/admin/plans").param("email", source.email()).param("plan", "STANDARD")
                .with(csrf()).with(as(admin))).hasRedirectedUrl("/admin/plans").flash()
                .containsEntry("success", source.email() + " is now on the Standard plan.");

        assertThat(PitchMother.pitch(mvc, source, eleventh)).as("Standard allows 20 a day").hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/plans").with(as(admin))).bodyText().contains(source.email());
        assertThat(jdbc.sql("select summary from audit_entry where action = 'plan.assigned' and subject = :s")
                .param("s", "account " + source.id()).query(String.class).list())
                .containsExactly("Put " + source.email() + " on the Standard plan");
    }

    @Test
    void badInputGetsAMessageBesideTheFieldAndChangesNothing() {
        CurrentUser admin = accounts.admin();
        CurrentUser journalist = accounts.journalist();
        assertThat(assign(admin, "", "STANDARD")).hasStatusOk().bodyText().contains("Enter the source&#39;s e-mail address.");
        assertThat(assign(admin, "not an address", "STANDARD")).hasStatusOk().bodyText()
                .contains("Enter an e-mail address such as name@example.com.");
        assertThat(assign(admin, TestAccounts.uniqueEmail("nobody"), "STANDARD")).hasStatusOk().bodyText()
                .contains("No source has that e-mail address.");
        assertThat(assign(admin, journalist.email(), "PREMIUM")).as("journalists have no plan").hasStatusOk().bodyText()
                .contains("No source has that e-mail address.");
        assertThat(assign(admin, accounts.source().email(), "GOLD")).hasStatusOk().bodyText().contains("Choose one of the plans.");
        // A bad plan does not hide the address's message: both fields get theirs, and the typed address is kept.
        assertThat(assign(admin, "not an address", "GOLD")).hasStatusOk().bodyText()
                .contains("Choose one of the plans.").contains("Enter an e-mail address such as name@example.com.")
                .contains("value=\"not an address\"");
        assertThat(assign(admin, "", "")).hasStatusOk().bodyText()
                .contains("Choose a plan.").contains("Enter the source&#39;s e-mail address.");
        assertThat(jdbc.sql("select count(*) from source_plan where account_id = :id").param("id", journalist.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void onlyAdminsSeeOrAssignPlans() {
        CurrentUser source = accounts.source();
        for (CurrentUser other : new CurrentUser[] { source, accounts.journalist() }) {
            assertThat(mvc.get().uri("/admin/plans").with(as(other))).hasStatus(403);
            assertThat(assign(other, source.email(), "PREMIUM")).hasStatus(403);
        }
        assertThat(mvc.post().uri("/admin/plans").param("email", source.email()).param("plan", "PREMIUM").with(as(accounts.admin())))
                .as("no CSRF token").hasStatus(403);
        assertThat(jdbc.sql("select count(*) from source_plan where account_id = :id").param("id", source.id())
                .query(Integer.class).single()).isZero();
    }

    private org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder assign(CurrentUser user, String email,
            String plan) {
        return mvc.post().uri("/admin/plans").param("email", email).param("plan", plan).with(csrf()).with(as(user));
    }
}
