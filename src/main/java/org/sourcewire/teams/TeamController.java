package org.sourcewire.teams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.SessionLogIn;
import org.sourcewire.matching.MatchingService;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.Words;
import org.sourcewire.pitches.PitchFormFields;
import org.sourcewire.pitches.PitchingForOthers;
import org.sourcewire.queries.QueryView;
import org.sourcewire.sources.SourceManagement;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The teams page (own team, experts one writes for, teams managing one's profile), invitations, and the pitch form a
 * writer uses for an expert. Ids travel as parameters; every action checks the actor's rights in the database.
 */
@Controller
class TeamController {

    private final TeamManagement teams;
    private final TeamInvitations invitations;
    private final TeamPitches writing;
    private final TeamViews views;
    private final AccountManagement accounts;
    private final MatchingService matching;
    private final PitchingForOthers pitching;
    private final SessionLogIn logIn;
    private final Messages messages;

    TeamController(TeamManagement teams, TeamInvitations invitations, TeamPitches writing, TeamViews views, AccountManagement accounts,
            MatchingService matching, PitchingForOthers pitching, SessionLogIn logIn, Messages messages) {
        this.messages = messages;
        this.logIn = logIn;
        this.teams = teams;
        this.invitations = invitations;
        this.writing = writing;
        this.views = views;
        this.accounts = accounts;
        this.matching = matching;
        this.pitching = pitching;
    }

    record NameForm(@NotBlank(message = "{validation.enter-your-agency-s-or-team-s}")
                    @Size(max = 200, message = "{validation.keep-the-name-short}") String name) {
    }

    record InviteForm(@NotBlank(message = "{validation.enter-an-e-mail-address}")
                      @Email(message = "{validation.enter-a-valid-e-mail-address-e}")
                      @Size(max = 254, message = "{validation.enter-a-valid-e-mail-address}") String email,
                      TeamManagement.Kind kind) {
    }

    /**
     * The owner's form: a profile for a client without an account, and the address its invitation goes to. The fields,
     * their names and limits are the profile form's.
     */
    record SetUpForm(@NotBlank(message = "{teams.rule.client-name-missing}")
                     @Size(max = SourceManagement.NAME_LIMIT, message = "{validation.use-at-most-100-characters}") String name,
                     @NotBlank(message = "{validation.enter-an-e-mail-address}")
                     @Email(message = "{validation.enter-a-valid-e-mail-address-e}")
                     @Size(max = 254, message = "{validation.enter-a-valid-e-mail-address}") String email,
                     @Size(max = SourceManagement.TITLE_LIMIT, message = "{validation.use-at-most-100-characters}") String title,
                     @Size(max = SourceManagement.COMPANY_LIMIT, message = "{validation.use-at-most-100-characters}") String company,
                     @Size(max = SourceManagement.BIO_LIMIT, message = "{sources.rule.bio-too-long}") String bio) {

        static SetUpForm blank() {
            return new SetUpForm(null, null, null, null, null);
        }

        TeamInvitations.Prepared profile() {
            return new TeamInvitations.Prepared(name, title, company, bio);
        }
    }

    /**
     * The client's form: the profile set up for them (theirs to change, with the profile form's limits), a password,
     * and whether they approve each pitch first. {@code approval} is null when its box is unticked.
     */
    record ClaimForm(String token,
                     @NotBlank(message = "{validation.enter-your-name-as-journalists-should-cite}")
                     @Size(max = SourceManagement.NAME_LIMIT, message = "{validation.use-at-most-100-characters}") String name,
                     @Size(max = SourceManagement.TITLE_LIMIT, message = "{validation.use-at-most-100-characters}") String title,
                     @Size(max = SourceManagement.COMPANY_LIMIT, message = "{validation.use-at-most-100-characters}") String company,
                     @Size(max = SourceManagement.BIO_LIMIT, message = "{sources.rule.bio-too-long}") String bio,
                     String password, String confirmation, Boolean approval) {

        /** As the owner set it up; asking to approve each pitch is ticked until the client unticks it. */
        static ClaimForm of(String token, TeamInvitations.Prepared profile) {
            return new ClaimForm(token, profile.name(), profile.title(), profile.company(), profile.bio(), null, null, true);
        }

        boolean approvalRequired() {
            return Boolean.TRUE.equals(approval);
        }

        TeamInvitations.Prepared profile() {
            return new TeamInvitations.Prepared(name, title, company, bio);
        }
    }

    @GetMapping("/teams")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(source(user), new NameForm(null), new InviteForm(null, TeamManagement.Kind.MEMBER), SetUpForm.blank(),
                null, model);
    }

    @PostMapping("/teams")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("nameForm") NameForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        AccountView owner = source(user);
        if (!result.hasErrors()) {
            try {
                TeamManagement.Team team = teams.create(owner, form.name());
                return backToTeams(redirect, "teams.flash.created", team.name());
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        return page(owner, form, new InviteForm(null, TeamManagement.Kind.MEMBER), SetUpForm.blank(), null, model);
    }

    @PostMapping("/teams/invitations")
    String invite(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("inviteForm") InviteForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        AccountView owner = source(user);
        TeamManagement.Kind kind = form.kind() == null ? TeamManagement.Kind.MEMBER : form.kind();
        if (!result.hasErrors()) {
            try {
                invitations.invite(owner, kind, form.email());
                return backToTeams(redirect, kind == TeamManagement.Kind.MEMBER ? "teams.flash.invited-member"
                        : "teams.flash.invited-expert", form.email().strip());
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        return page(owner, new NameForm(null), form, SetUpForm.blank(), kind, model);
    }

    /**
     * A profile for a client without an account. The notice is the same whether or not the address has an account
     * (then it got the ordinary expert invitation), so this form tells nobody who is a member.
     */
    @PostMapping("/teams/invitations/profile")
    String setUpProfile(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("setUpForm") SetUpForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        AccountView owner = source(user);
        // The owner's action, as withdrawing and removing are: anyone else finds nothing here.
        teams.ownedBy(owner.id()).orElseThrow(TeamNotFoundException::new);
        if (!result.hasErrors()) {
            try {
                invitations.setUpProfile(owner, form.email(), form.profile());
                return backToTeams(redirect, "teams.flash.invited-expert", form.email().strip());
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        return page(owner, new NameForm(null), new InviteForm(null, TeamManagement.Kind.MEMBER), form, null, model);
    }

    @PostMapping("/teams/invitations/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @RequestParam long invitation, RedirectAttributes redirect) {
        invitations.withdraw(source(user), invitation);
        return backToTeams(redirect, "teams.flash.invitation-withdrawn");
    }

    /**
     * An invitation's link. Logged in: the invitation, to accept. Not logged in: the profile the team set up, to take
     * with a password, when the invitation carries one and its address has no account; else log-in first (and back
     * here after it), unless the link has nothing left to open.
     */
    @GetMapping("/teams/join")
    String join(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String token, Model model) {
        if (user == null) {
            Optional<TeamInvitations.Claim> claim = invitations.claimable(token);
            if (claim.isPresent()) {
                return claimPage(claim.get(), ClaimForm.of(token, claim.get().profile()), model);
            }
            return anonymousJoin(token, false, model);
        }
        return joinPage(user, token, null, model);
    }

    /**
     * The client takes the profile set up for them: their account, their profile and the team's management of it are
     * made in one transaction, and then they are logged in. A second submit finds the invitation used.
     */
    @PostMapping("/teams/join/profile")
    String claim(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ClaimForm form,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (user != null) {
            // Logged in: the invitation is accepted with the account one has, on the ordinary page.
            return redirectToInvitation(form.token());
        }
        Optional<TeamInvitations.Claim> claim = invitations.claimable(form.token());
        if (claim.isEmpty()) {
            return anonymousJoin(form.token(), true, model);
        }
        accounts.checkNewPassword(form.password(), form.confirmation(), claim.get().invitation().email(), result);
        if (result.hasErrors()) {
            return claimPage(claim.get(), form, model);
        }
        Optional<AccountView> account;
        try {
            account = invitations.claim(form.token(), form.profile(), form.password(), form.approvalRequired());
        }
        catch (RuleException ex) {
            // Used, expired or withdrawn since the page opened (a double submit lands here).
            return anonymousJoin(form.token(), true, model);
        }
        catch (DataIntegrityViolationException ex) {
            // A sign-up with this address made its account at the same moment: that account accepts, after log-in.
            account = Optional.empty();
        }
        if (account.isEmpty()) {
            return redirectToInvitation(form.token());
        }
        logIn.logIn(account.get().id(), request, response);
        return backToTeams(redirect, "teams.flash.profile-claimed", claim.get().invitation().teamName());
    }

    @PostMapping("/teams/join")
    String accept(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String token, Model model,
            RedirectAttributes redirect) {
        AccountView account = accounts.find(user.id()).orElseThrow();
        try {
            TeamInvitations.Invitation invitation = invitations.accept(account, token);
            return backToTeams(redirect, invitation.kind() == TeamManagement.Kind.MEMBER ? "teams.flash.joined-member"
                    : "teams.flash.joined-expert", invitation.teamName());
        }
        catch (RuleException ex) {
            return joinPage(user, token, messages.text(ex), model);
        }
    }

    @PostMapping("/teams/members/remove")
    String removeMember(@AuthenticationPrincipal CurrentUser user, @RequestParam long member, RedirectAttributes redirect) {
        teams.removeMember(source(user), member);
        return backToTeams(redirect, "teams.flash.member-removed");
    }

    @PostMapping("/teams/leave")
    String leave(@AuthenticationPrincipal CurrentUser user, @RequestParam long team, RedirectAttributes redirect) {
        teams.leave(source(user), team);
        return backToTeams(redirect, "teams.flash.left");
    }

    @PostMapping("/teams/profiles/remove")
    String removeProfile(@AuthenticationPrincipal CurrentUser user, @RequestParam long team, @RequestParam long expert,
            RedirectAttributes redirect) {
        teams.removeProfile(source(user), team, expert);
        return backToTeams(redirect, "teams.flash.profile-removed");
    }

    @PostMapping("/teams/assignments")
    String assign(@AuthenticationPrincipal CurrentUser user, @RequestParam long member, @RequestParam long expert,
            @RequestParam boolean given, RedirectAttributes redirect) {
        teams.assign(source(user), member, expert, given);
        return backToTeams(redirect, given ? "teams.flash.assigned" : "teams.flash.unassigned");
    }

    @PostMapping("/teams/approval")
    String approval(@AuthenticationPrincipal CurrentUser user, @RequestParam long team, @RequestParam long expert,
            @RequestParam boolean required, RedirectAttributes redirect) {
        try {
            teams.requireApproval(source(user), team, expert, required);
            return backToTeams(redirect, required ? "teams.flash.approval-required"
                    : "teams.flash.approval-not-required");
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/teams";
    }

    /** The open queries matched to an expert, for a writer to pick one. */
    @GetMapping("/teams/queries")
    String queries(@AuthenticationPrincipal CurrentUser user, @RequestParam long expert, Model model) {
        return queriesPage(writing.writing(source(user).id(), expert), null, model);
    }

    @GetMapping("/teams/pitch")
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam long expert, @RequestParam long query,
            Model model) {
        TeamPitches.Writing rights = writing.writing(source(user).id(), expert);
        try {
            QueryView found = writing.pitchable(rights, query);
            return formPage(rights, found, PitchFormFields.blank(), model);
        }
        catch (RuleException ex) {
            return queriesPage(rights, messages.text(ex), model);
        }
    }

    @PostMapping("/teams/pitch")
    String write(@AuthenticationPrincipal CurrentUser user, @RequestParam long expert, @RequestParam long query,
            @Valid @ModelAttribute("form") PitchFormFields form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        TeamPitches.Writing rights = writing.writing(source(user).id(), expert);
        QueryView found;
        try {
            found = writing.pitchable(rights, query);
        }
        catch (RuleException ex) {
            return queriesPage(rights, messages.text(ex), model);
        }
        if (result.hasErrors()) {
            return formPage(rights, found, form, model);
        }
        try {
            TeamPitches.Outcome outcome = writing.write(rights, found, form.rows(found.questions().size()),
                    form.getWhyMe(), form.confirmed(), form.key());
            return backToTeams(redirect, outcome.pitch() != null ? "teams.flash.pitch-sent" : "teams.flash.pitch-waiting",
                    rights.profile().name());
        }
        catch (RuleException ex) {
            ex.rejectIn(result);
            return formPage(rights, found, form, model);
        }
    }

    @PostMapping("/teams/drafts/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @RequestParam UUID draft, RedirectAttributes redirect) {
        try {
            writing.approve(source(user), draft);
            return backToTeams(redirect, "teams.flash.draft-approved");
        }
        catch (RuleException ex) {
            messages.error(redirect, "teams.flash.draft-not-sent", messages.text(ex));
        }
        return "redirect:/teams";
    }

    @PostMapping("/teams/drafts/decline")
    String decline(@AuthenticationPrincipal CurrentUser user, @RequestParam UUID draft, RedirectAttributes redirect) {
        writing.decline(source(user), draft);
        return backToTeams(redirect, "teams.flash.draft-declined");
    }

    /** htmx: the navigation's notice of pitches waiting for this expert's approval (nothing when there are none). */
    @GetMapping("/teams/waiting")
    String waiting(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("waiting", writing.waitingCount(user.id()));
        return "teams/index :: waiting";
    }

    /** htmx: the pre-flight tips for the draft as it stands, as the expert's own form shows them. Nothing is saved. */
    @io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest
    @PostMapping("/teams/pitch/preflight")
    String preflight(@AuthenticationPrincipal CurrentUser user, @RequestParam long expert, @RequestParam long query,
            @ModelAttribute("form") PitchFormFields form, BindingResult ignored, Model model) {
        TeamPitches.Writing rights = writing.writing(source(user).id(), expert);
        QueryView found;
        try {
            found = writing.pitchable(rights, query);
        }
        catch (RuleException ex) {
            // Closed since the form opened: sending says so; no tips for a query that takes no more pitches.
            model.addAttribute("preflightAction", "/teams/pitch/preflight?expert=" + expert + "&query=" + query);
            return "pitches/form :: preflight";
        }
        List<String> answers = form.rows(found.questions().size());
        boolean empty = answers.stream().allMatch(String::isBlank);
        model.addAttribute("verdict", empty ? null : pitching.preflight(found, rights.expert(), answers, form.getWhyMe(),
                form.confirmed()));
        model.addAttribute("query", found);
        model.addAttribute("preflightAction", preflightAction(rights, found));
        return "pitches/form :: preflight";
    }

    /** After an action: the teams page, with what happened above it (a message key and its arguments). */
    private String backToTeams(RedirectAttributes redirect, String success, Object... arguments) {
        messages.success(redirect, success, arguments);
        return "redirect:/teams";
    }

    /** The writer's list of queries to pick from; {@code refusal}: why the one picked takes no pitch (null: none). */
    private String queriesPage(TeamPitches.Writing rights, String refusal, Model model) {
        model.addAttribute("writing", rights);
        if (refusal != null) {
            model.addAttribute("refusal", refusal);
        }
        model.addAttribute("matches", matching.latestMatches(rights.profile().id(), 50));
        return "teams/queries";
    }

    /**
     * Someone not logged in whose link opens no profile to take: the "expired" card when it opens nothing at all, else
     * log-in (Spring Security keeps this request and comes back to it). {@code submitted}: after the profile form, whose
     * first submit may have made the account already (a double click), so the card says how to log in.
     */
    private String anonymousJoin(String token, boolean submitted, Model model) {
        if (invitations.invitation(token).isPresent()) {
            if (submitted) {
                // Not the page to come back to after logging in: the invitation's own page is.
                return redirectToInvitation(token);
            }
            throw new AccessDeniedException("Log in to open the invitation");
        }
        model.addAttribute("justSetUp", submitted);
        return "teams/join";
    }

    private static String redirectToInvitation(String token) {
        return token == null ? "redirect:/teams/join" : "redirect:/teams/join?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** The client's page: the profile set up for them, a password, the approval choice. */
    private String claimPage(TeamInvitations.Claim claim, ClaimForm form, Model model) {
        model.addAttribute("claim", claim);
        model.addAttribute("form", form);
        model.addAttribute("bioLimit", SourceManagement.BIO_LIMIT);
        return "teams/claim";
    }

    /** The invitation page; {@code error}: why accepting failed (null: none). */
    private String joinPage(CurrentUser user, String token, String error, Model model) {
        model.addAttribute("invitation", invitations.invitation(token).orElse(null));
        model.addAttribute("token", token);
        model.addAttribute("email", user.email());
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "teams/join";
    }

    private String formPage(TeamPitches.Writing rights, QueryView query, PitchFormFields form, Model model) {
        model.addAttribute("writing", rights);
        model.addAttribute("query", query);
        model.addAttribute("form", form);
        List<String> rows = form.rows(query.questions().size());
        model.addAttribute("rows", rows);
        model.addAttribute("wordCounts", rows.stream().map(Words::count).toList());
        model.addAttribute("totalWords", rows.stream().mapToInt(Words::count).sum()
                + Words.count(form.getWhyMe()));
        model.addAttribute("requirements", pitching.hasRequirements(query));
        model.addAttribute("maxWords", pitching.maxWords());
        model.addAttribute("snippets", pitching.snippets(rights.writer()));
        model.addAttribute("preflightAction", preflightAction(rights, query));
        return "teams/pitch";
    }

    private static String preflightAction(TeamPitches.Writing rights, QueryView query) {
        return "/teams/pitch/preflight?expert=" + rights.expert().id() + "&query=" + query.id();
    }

    private String page(AccountView account, NameForm nameForm, InviteForm inviteForm, SetUpForm setUpForm,
            TeamManagement.Kind failedKind, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("owned", teams.ownedBy(account.id()).map(views::owned).orElse(null));
        model.addAttribute("writable", views.writable(account.id()));
        model.addAttribute("memberOf", views.memberOf(account.id()));
        model.addAttribute("managing", views.managing(account.id()));
        model.addAttribute("drafts", writing.waiting(account.id()));
        model.addAttribute("nameForm", nameForm);
        model.addAttribute("inviteForm", inviteForm);
        model.addAttribute("setUpForm", setUpForm);
        model.addAttribute("bioLimit", SourceManagement.BIO_LIMIT);
        model.addAttribute("failedKind", failedKind);
        return "teams/index";
    }

    /** Only sources reach /teams/** but /teams/join and /teams/join/profile (SecurityConfiguration). */
    private AccountView source(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
