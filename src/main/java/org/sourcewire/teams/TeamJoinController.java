package org.sourcewire.teams;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.EmailAlreadyRegisteredException;
import org.sourcewire.accounts.EncodedPassword;
import org.sourcewire.accounts.NewAccount;
import org.sourcewire.accounts.SessionLogIn;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.ViewerZone;
import org.sourcewire.sources.SourceManagement;

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
 * The link of a team's invitation: opened and accepted with one's account, or, for a client the team set up a profile
 * for, the profile to take with a new password without logging in ({@link ClientProfiles}). The only team pages
 * someone not logged in reaches (SecurityConfiguration).
 */
@Controller
class TeamJoinController {

    private final TeamInvitations invitations;
    private final ClientProfiles clients;
    private final AccountManagement accounts;
    private final SessionLogIn logIn;
    private final Messages messages;

    TeamJoinController(TeamInvitations invitations, ClientProfiles clients, AccountManagement accounts,
            SessionLogIn logIn, Messages messages) {
        this.invitations = invitations;
        this.clients = clients;
        this.accounts = accounts;
        this.logIn = logIn;
        this.messages = messages;
    }

    /**
     * Logged in: the invitation, to accept. Not logged in: the profile the team set up, to take with a password, when
     * the invitation carries one and its address has no account; else log-in first (and back here after it), unless
     * the link has nothing left to open.
     */
    @GetMapping("/teams/join")
    String join(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String token, Model model) {
        if (user == null) {
            Optional<ClientProfiles.Claim> claim = clients.claimable(token);
            if (claim.isPresent()) {
                return claimPage(claim.get(), ClaimForm.of(token, claim.get().profile()), model);
            }
            return anonymousJoin(token, false, model);
        }
        return joinPage(user, token, null, model);
    }

    @PostMapping("/teams/join")
    String accept(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String token, Model model,
            RedirectAttributes redirect) {
        AccountView account = accounts.find(user.id()).orElseThrow();
        try {
            TeamInvitations.Invitation invitation = invitations.accept(account, token);
            messages.success(redirect, invitation.kind() == TeamManagement.Kind.MEMBER ? "teams.flash.joined-member"
                    : "teams.flash.joined-expert", invitation.teamName());
            return "redirect:/teams";
        }
        catch (RuleException ex) {
            return joinPage(user, token, messages.text(ex), model);
        }
    }

    /**
     * The client takes the profile set up for them: their account, their profile (in the browser's time zone) and the
     * team's management of it are made in one transaction, and then they are logged in. The password is hashed first,
     * outside that transaction. A second submit finds the invitation used.
     */
    @PostMapping("/teams/join/profile")
    String claim(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") ClaimForm form,
            BindingResult result, @ViewerZone Optional<ZoneId> zone, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (user != null) {
            // Logged in: the invitation is accepted with the account one has, on the ordinary page.
            return redirectToInvitation(form.token());
        }
        Optional<ClientProfiles.Claim> claim = clients.claimable(form.token());
        if (claim.isEmpty()) {
            return anonymousJoin(form.token(), true, model);
        }
        String email = claim.get().invitation().email();
        accounts.checkNewPassword(form.password(), form.confirmation(), email, result);
        if (result.hasErrors()) {
            return claimPage(claim.get(), form, model);
        }
        EncodedPassword password = accounts.encodeNewPassword(form.password(), email);
        Optional<NewAccount> account;
        try {
            account = clients.claim(form.token(), form.profile(), password, form.approvalRequired(), zone);
        }
        catch (RuleException ex) {
            // Used, expired or withdrawn since the page opened (a double submit lands here).
            return anonymousJoin(form.token(), true, model);
        }
        catch (EmailAlreadyRegisteredException ex) {
            // A sign-up with this address made its account at the same moment: that account accepts, after log-in.
            account = Optional.empty();
        }
        if (account.isEmpty()) {
            return redirectToInvitation(form.token());
        }
        logIn.logIn(account.get(), request, response);
        messages.success(redirect, "teams.flash.profile-claimed", claim.get().invitation().teamName());
        return "redirect:/teams";
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

    /**
     * The invitation's page for this link. The token goes back into the address only when it opens an invitation
     * (which an over-long one never does): anything else would be echoed into the Location header, however long.
     */
    private String redirectToInvitation(String token) {
        if (invitations.invitation(token).isEmpty()) {
            return "redirect:/teams/join";
        }
        return "redirect:/teams/join?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** The client's page: the profile set up for them, a password, the approval choice. */
    private String claimPage(ClientProfiles.Claim claim, ClaimForm form, Model model) {
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
}
