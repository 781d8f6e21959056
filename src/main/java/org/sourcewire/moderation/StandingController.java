package org.sourcewire.moderation;

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

/** A source's own standing: their strikes with reasons, how many count now, what happens at the limit; appeals. */
@Controller
class StandingController {

    private static final int MAX_APPEAL = 1000;

    private final StrikeManagement strikes;
    private final Messages messages;

    StandingController(StrikeManagement strikes, Messages messages) {
        this.strikes = strikes;
        this.messages = messages;
    }

    @GetMapping("/standing")
    String standing(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("standing", strikes.standing(user.id()));
        return "moderation/standing";
    }

    @PostMapping("/standing/strikes/{id}/appeal")
    String appeal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        if (note.isBlank() || note.strip().length() > MAX_APPEAL) {
            strikes.standing(user.id()).strikes().stream().filter(strike -> strike.id() == id).findAny()
                    .orElseThrow(StrikeNotFoundException::new);
            messages.error(redirect, "moderation.flash.appeal-note-needed", MAX_APPEAL);
            return "redirect:/standing";
        }
        try {
            strikes.appeal(id, user.id(), note, user.actor());
            messages.success(redirect, "moderation.flash.appeal-sent");
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/standing";
    }
}
