package org.sourcewire.pitches;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The source's page of saved snippets (pitch templates): add, change, delete. */
@Controller
class SnippetController {

    private final PitchSnippets snippets;
    private final AccountManagement accounts;
    private final Messages messages;

    SnippetController(PitchSnippets snippets, AccountManagement accounts, Messages messages) {
        this.snippets = snippets;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/pitches/snippets")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(source(user), null, null, null, null, null, model);
    }

    @PostMapping("/pitches/snippets")
    String add(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String body, Model model, RedirectAttributes redirect) {
        AccountView source = source(user);
        try {
            snippets.add(source, label, body);
        }
        catch (RuleException ex) {
            return page(source, null, label, body, ex.field(), messages.text(ex), model);
        }
        messages.success(redirect, "pitches.flash.snippet-saved");
        return "redirect:/pitches/snippets";
    }

    @PostMapping("/pitches/snippets/{id}")
    String change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "") String body, Model model,
            RedirectAttributes redirect) {
        AccountView source = source(user);
        try {
            snippets.change(source, id, label, body);
        }
        catch (RuleException ex) {
            return page(source, id, label, body, ex.field(), messages.text(ex), model);
        }
        messages.success(redirect, "pitches.flash.snippet-changed");
        return "redirect:/pitches/snippets";
    }

    @PostMapping("/pitches/snippets/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        snippets.delete(source(user), id);
        messages.success(redirect, "pitches.flash.snippet-deleted");
        return "redirect:/pitches/snippets";
    }

    /**
     * The page; after a refused save, the form that was sent ({@code editing} names the snippet, null for a new one)
     * keeps what was typed, with the message beside its field ({@code field} null: above the form).
     */
    private String page(AccountView source, Long editing, String label, String body, String field, String problem,
            Model model) {
        model.addAttribute("snippets", snippets.of(source));
        model.addAttribute("editing", editing);
        model.addAttribute("label", label);
        model.addAttribute("body", body);
        model.addAttribute("problemField", field == null ? "form" : field);
        model.addAttribute("problem", problem);
        model.addAttribute("maxLabel", PitchSnippets.MAX_LABEL);
        model.addAttribute("maxBody", PitchSnippets.MAX_BODY);
        return "pitches/snippets";
    }

    /** Only sources reach /pitches/snippets/** (SecurityConfiguration). */
    private AccountView source(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
