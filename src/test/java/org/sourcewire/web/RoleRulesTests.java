package org.sourcewire.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Pages of one role are refused to the others by Spring Security's rules, before any controller runs. */
class RoleRulesTests extends IntegrationTest {

    private static final List<String> SOURCE_PAGES = List.of("/feed", "/profile", "/profile/topics", "/profile/alerts",
            "/profile/verification", "/profile/listing", "/standing", "/standing/strikes/1/appeal", "/delivery",
            "/delivery/webhook", "/digests/settings", "/dashboard/pitches", "/pitches/snippets",
            "/pitches/snippets/1/delete", "/teams", "/teams/queries", "/invitations/unseen");

    private static final List<String> JOURNALIST_PAGES = List.of("/queries", "/queries/new", "/queries/templates",
            "/queries/templates/1/delete", "/queries/1/template", "/pitches/settings", "/invitations/new");

    @Autowired
    WebInvocationPrivilegeEvaluator privileges;

    @Test
    void sourcePagesAreForSourcesOnly() {
        Authentication source = authenticated(accounts.source());
        Authentication journalist = authenticated(accounts.journalist());
        Authentication admin = authenticated(accounts.admin());
        for (String page : SOURCE_PAGES) {
            assertThat(privileges.isAllowed(page, source)).as(page).isTrue();
            assertThat(privileges.isAllowed(page, journalist)).as(page).isFalse();
            assertThat(privileges.isAllowed(page, admin)).as(page).isFalse();
        }
        assertThat(privileges.isAllowed("", "/invitations", "GET", source)).isTrue();
        assertThat(privileges.isAllowed("", "/invitations", "GET", journalist)).isFalse();
        // HEAD reaches the GET handler in Spring MVC: the rule must not be GET only.
        assertThat(privileges.isAllowed("", "/invitations", "HEAD", journalist)).isFalse();
        assertThat(privileges.isAllowed("", "/teams/waiting", "GET", journalist)).isFalse();
    }

    @Test
    void journalistPagesAreForJournalistsOnly() {
        Authentication source = authenticated(accounts.source());
        Authentication journalist = authenticated(accounts.journalist());
        for (String page : JOURNALIST_PAGES) {
            assertThat(privileges.isAllowed(page, journalist)).as(page).isTrue();
            assertThat(privileges.isAllowed(page, source)).as(page).isFalse();
        }
        assertThat(privileges.isAllowed("", "/invitations", "POST", journalist)).isTrue();
        assertThat(privileges.isAllowed("", "/invitations", "POST", source)).isFalse();
        for (String change : List.of("/queries/1", "/queries/1/close", "/queries/1/duplicate", "/queries/form/questions")) {
            assertThat(privileges.isAllowed("", change, "POST", journalist)).as(change).isTrue();
            assertThat(privileges.isAllowed("", change, "POST", source)).as(change).isFalse();
        }
    }

    @Test
    void theDirectoryIsForJournalistsAndAdmins() {
        assertThat(privileges.isAllowed("/directory", authenticated(accounts.journalist()))).isTrue();
        assertThat(privileges.isAllowed("/directory", authenticated(accounts.admin()))).isTrue();
        assertThat(privileges.isAllowed("/directory", authenticated(accounts.source()))).isFalse();
    }

    @Test
    void anyAccountMayOpenATeamInvitationAndSharedPagesStayShared() {
        Authentication journalist = authenticated(accounts.journalist());
        assertThat(privileges.isAllowed("/teams/join", journalist)).isTrue();
        assertThat(privileges.isAllowed("/queries/1", authenticated(accounts.source()))).isTrue();
        assertThat(privileges.isAllowed("/queries/1/pitch", authenticated(accounts.source()))).isTrue();
        assertThat(privileges.isAllowed("", "/queries/1/pitch", "POST", authenticated(accounts.source()))).isTrue();
        assertThat(privileges.isAllowed("", "/queries/1/edit", "GET", authenticated(accounts.source()))).isTrue();
        assertThat(privileges.isAllowed("/digests/unsubscribe", null)).isTrue();
    }

    @Test
    void aTeamsInvitationLinkAndItsProfileFormOpenWithoutLogInButAcceptingNeedsAnAccount() {
        assertThat(privileges.isAllowed("", "/teams/join", "GET", null)).isTrue();
        assertThat(privileges.isAllowed("", "/teams/join/profile", "POST", null)).isTrue();
        assertThat(privileges.isAllowed("", "/teams/join", "POST", null)).isFalse();
        assertThat(privileges.isAllowed("", "/teams", "GET", null)).isFalse();
        assertThat(privileges.isAllowed("", "/teams/invitations/profile", "POST", null)).isFalse();
        assertThat(privileges.isAllowed("", "/teams/join", "POST", authenticated(accounts.journalist()))).isTrue();
    }

    @Test
    void aWrongRoleIsRefusedBeforeItsRequestIsRead() {
        // A malformed id used to reach binding (400) before the controller's role check; now the role decides first.
        assertThat(mvc.post().uri("/pitches/snippets/not-a-number/delete").with(as(accounts.journalist())).with(csrf()))
                .hasStatus(403);
        assertThat(mvc.post().uri("/standing/strikes/not-a-number/appeal").with(as(accounts.journalist())).with(csrf()))
                .hasStatus(403);
        assertThat(mvc.get().uri("/feed").with(as(accounts.admin()))).hasStatus(403);
        assertThat(mvc.get().uri("/feed")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
    }

    private static Authentication authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
