package org.sourcewire.teams;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.EmailAddress;
import org.sourcewire.matching.MatchingService;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.Words;
import org.sourcewire.pitches.PitchFormFields;
import org.sourcewire.pitches.PitchingForOthers;
import org.sourcewire.queries.QueryView;
import org.sourcewire.sources.SourceManagement;

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
 * The teams page (own team, experts one writes for, teams managing one's profile), invitations and profiles set up for
 * clients, and the pitch form a writer uses for an expert; an invitation's link is {@link TeamJoinController}'s. Ids
 * travel as parameters; every action checks the actor's rights in the database.
 */
@Controller
class TeamController {

    private final TeamManagement teams;
    private final TeamInvitations invitations;
    private final ClientProfiles clients;
    private final TeamPitches writing;
    private final TeamViews views;
    private final AccountManagement accounts;
    private final MatchingService matching;
    private final PitchingForOthers pitching;
    private final Messages messages;

    TeamController(TeamManagement teams, TeamInvitations invitations, ClientProfiles clients, TeamPitches writing,
            TeamViews views, AccountManagement accounts, MatchingService matching, PitchingForOthers pitching,
            Messages messages) {
        this.messages = messages;
        this.teams = teams;
        this.invitations = invitations;
        this.clients = clients;
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
                      @EmailAddress(message = "{validation.enter-a-valid-e-mail-address-e}")
                      @Size(max = 254, message = "{validation.enter-a-valid-e-mail-address}") String email,
                      TeamManagement.Kind kind) {
    }

    @GetMapping("/teams")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(source(user), new NameForm(null), new InviteForm(null, TeamManagement.Kind.MEMBER),
                ClientSetUpForm.blank(), null, model);
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
        return page(owner, form, new InviteForm(null, TeamManagement.Kind.MEMBER), ClientSetUpForm.blank(), null, model);
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
        return page(owner, new NameForm(null), form, ClientSetUpForm.blank(), kind, model);
    }

    /**
     * A profile for a client without an account. The notice, and the owner's list of open invitations, are the same
     * whether or not the address has an account (then it got the ordinary expert invitation), so this form tells
     * nobody who is a member.
     */
    @PostMapping("/teams/invitations/profile")
    String setUpProfile(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("setUpForm") ClientSetUpForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        AccountView owner = source(user);
        // The owner's action, as withdrawing and removing are: anyone else finds nothing here.
        teams.ownedBy(owner.id()).orElseThrow(TeamNotFoundException::new);
        if (!result.hasErrors()) {
            try {
                clients.setUp(owner, form.email(), form.profile());
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

    private String page(AccountView account, NameForm nameForm, InviteForm inviteForm, ClientSetUpForm setUpForm,
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

    /** Only sources reach /teams/** but the invitation's link (SecurityConfiguration, TeamJoinController). */
    private AccountView source(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
