package org.sourcewire.pitches;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Invite to answer: the journalist's form (reached from an expert's public page) and the expert's invitations. */
@Controller
class InvitationController {

    private final PitchInvitations invitations;
    private final AccountManagement accounts;
    private final SourceManagement sources;
    private final Messages messages;

    InvitationController(PitchInvitations invitations, AccountManagement accounts, SourceManagement sources,
            Messages messages) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.sources = sources;
        this.messages = messages;
    }

    /** The invitation form: which of the journalist's open queries, and a note. */
    static final class InvitationForm {

        private String expert;

        /** A string, so a mangled number is a message beside the field rather than a binding error. */
        private String queryId;

        private String note;

        Long query() {
            try {
                return queryId == null || queryId.isBlank() ? null : Long.valueOf(queryId.strip());
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }

        public String getExpert() {
            return expert;
        }

        public void setExpert(String expert) {
            this.expert = expert;
        }

        public String getQueryId() {
            return queryId;
        }

        public void setQueryId(String queryId) {
            this.queryId = queryId;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    @GetMapping("/invitations/new")
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String expert, Model model) {
        AccountView journalist = journalist(user);
        ProfileView found = find(expert);
        InvitationForm form = new InvitationForm();
        form.setExpert(found.handle());
        // The soonest deadline is chosen unless the journalist picks another.
        List<QueryView> choices = invitations.choices(journalist);
        choices.stream().findFirst().ifPresent(query -> form.setQueryId(String.valueOf(query.id())));
        return page(found, form, choices, model);
    }

    @PostMapping("/invitations")
    String invite(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") InvitationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        AccountView journalist = journalist(user);
        ProfileView expert = find(form.getExpert());
        try {
            invitations.invite(journalist, expert, form.query(), form.getNote());
        }
        catch (RuleException ex) {
            ex.rejectIn(result);
            return page(expert, form, invitations.choices(journalist), model);
        }
        messages.success(redirect, "pitches.flash.invited", expert.name());
        return "redirect:/experts/" + expert.handle();
    }

    @GetMapping("/invitations")
    String received(@AuthenticationPrincipal CurrentUser user, Model model) {
        AccountView source = source(user);
        model.addAttribute("invitations", invitations.received(source));
        return "pitches/invitations";
    }

    /** htmx: the count of unseen invitations beside the navigation's link. */
    @HxRequest
    @GetMapping("/invitations/unseen")
    String unseen(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("unseen", invitations.unseen(source(user)));
        return "pitches/invitations :: unseen";
    }

    private String page(ProfileView expert, InvitationForm form, List<QueryView> choices, Model model) {
        model.addAttribute("expert", expert);
        model.addAttribute("form", form);
        model.addAttribute("choices", choices);
        model.addAttribute("maxNote", PitchInvitations.MAX_NOTE);
        return "pitches/invite";
    }

    private ProfileView find(String handle) {
        if (handle == null || handle.isBlank() || handle.length() > 100) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return sources.findByHandle(handle.strip()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Only journalists reach /invitations/new and POST /invitations (SecurityConfiguration). */
    private AccountView journalist(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }

    /** Only sources reach GET /invitations and /invitations/unseen (SecurityConfiguration). */
    private AccountView source(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
