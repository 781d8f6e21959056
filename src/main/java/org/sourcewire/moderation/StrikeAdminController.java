package org.sourcewire.moderation;

import java.util.Map;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.data.domain.Page;
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

/** Admins see every strike (waiting appeals first), withdraw strikes and decide appeals. */
@Controller
@RequestMapping("/admin/strikes")
class StrikeAdminController {

    private static final int MAX_NOTE = 500;

    private final StrikeManagement strikes;
    private final AccountManagement accounts;
    private final Messages messages;

    StrikeAdminController(StrikeManagement strikes, AccountManagement accounts, Messages messages) {
        this.strikes = strikes;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<StrikeView> all = strikes.forAdmins(PageRequest.of(Math.max(page, 0), 25));
        Map<Long, AccountView> sources = accounts.findAll(all.map(StrikeView::accountId).toSet());
        model.addAttribute("strikes", all);
        model.addAttribute("sources", sources);
        return "moderation/strikes";
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return decide(redirect, note, () -> {
            strikes.withdraw(id, note, admin.actor());
            return "moderation.flash.strike-withdrawn";
        });
    }

    @PostMapping("/{id}/keep")
    String keep(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return decide(redirect, note, () -> {
            strikes.keep(id, note, admin.actor());
            return "moderation.flash.strike-kept";
        });
    }

    /** Runs the decision, which answers the key of its notice, unless the note is too long. */
    private String decide(RedirectAttributes redirect, String note, java.util.function.Supplier<String> action) {
        if (note.length() > MAX_NOTE) {
            messages.error(redirect, "moderation.flash.note-too-long", MAX_NOTE);
            return "redirect:/admin/strikes";
        }
        try {
            messages.success(redirect, action.get());
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/admin/strikes";
    }
}
