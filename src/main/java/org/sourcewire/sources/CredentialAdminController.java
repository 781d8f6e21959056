package org.sourcewire.sources;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' queue of credentials experts state: confirm or not, each with a note. (/admin/** is for admins only.) */
@Controller
@RequestMapping("/admin/credentials")
class CredentialAdminController {

    static final int PAGE_SIZE = 25;
    static final int NOTE_LIMIT = 500;

    private final Credentials credentials;
    private final AccountManagement accounts;
    private final Messages messages;

    CredentialAdminController(Credentials credentials, AccountManagement accounts, Messages messages) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        return page(page, null, null, null, model);
    }

    @PostMapping("/{profileId}")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable long profileId,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
            @RequestParam(required = false) String statedAt, @RequestParam(defaultValue = "0") int page, Model model,
            RedirectAttributes redirect) {
        AccountView admin = accounts.find(user.id()).orElseThrow();
        String clean = note == null ? "" : note.strip();
        boolean confirm = "confirm".equals(decision);
        String problem = !confirm && !"reject".equals(decision) ? messages.text("sources.rule.credential-decision-missing")
                : clean.isEmpty() ? messages.text("sources.rule.credential-note-missing")
                : clean.length() > NOTE_LIMIT ? messages.text("sources.rule.credential-note-too-long", NOTE_LIMIT) : null;
        if (problem == null) {
            try {
                credentials.decide(profileId, statedAt, confirm, clean, admin);
                messages.success(redirect, confirm ? "sources.flash.credential-confirmed" : "sources.flash.credential-not-confirmed");
                return "redirect:/admin/credentials" + (page > 0 ? "?page=" + page : "");
            }
            catch (RuleException ex) {
                problem = messages.text(ex);
            }
        }
        return page(page, profileId, problem, note, model);
    }

    private String page(int page, Long problemRow, String problem, String note, Model model) {
        model.addAttribute("credentials", credentials.waiting(PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("problemRow", problemRow);
        model.addAttribute("problem", problem);
        model.addAttribute("note", note);
        model.addAttribute("noteLimit", NOTE_LIMIT);
        return "sources/credentials-admin";
    }
}
