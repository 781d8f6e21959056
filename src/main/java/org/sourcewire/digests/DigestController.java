package org.sourcewire.digests;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.matching.MatchingService;
import org.sourcewire.shared.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A source's choice of editions, and the one-click unsubscribe: a GET shows a confirmation button (mail scanners
 * follow links, so a GET must not unsubscribe), a POST unsubscribes, also as RFC 8058's List-Unsubscribe-Post.
 */
@Controller
@RequestMapping("/digests")
class DigestController {

    private final DigestPreferences preferences;
    private final UnsubscribeLinks unsubscribeLinks;
    private final MatchingService matching;
    private final Clock clock;
    private final Messages messages;

    DigestController(DigestPreferences preferences, UnsubscribeLinks unsubscribeLinks, MatchingService matching,
            Clock clock, Messages messages) {
        this.preferences = preferences;
        this.unsubscribeLinks = unsubscribeLinks;
        this.matching = matching;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
        Optional<Long> profile = profile(user);
        model.addAttribute("hasProfile", profile.isPresent());
        model.addAttribute("choice", profile.map(preferences::choice).orElse(DigestPreferences.Choice.ALL));
        return "digests/settings";
    }

    @PostMapping("/settings")
    String choose(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean morning,
            @RequestParam(defaultValue = "false") boolean midday, @RequestParam(defaultValue = "false") boolean evening,
            RedirectAttributes redirect) {
        Optional<Long> profile = profile(user);
        if (profile.isEmpty()) {
            messages.error(redirect, "digests.flash.no-profile");
            return "redirect:/digests/settings";
        }
        preferences.choose(profile.get(), new DigestPreferences.Choice(morning, midday, evening), clock.instant());
        messages.success(redirect, morning || midday || evening ? "digests.flash.saved" : "digests.flash.saved-none");
        return "redirect:/digests/settings";
    }

    @GetMapping("/unsubscribe")
    String confirmUnsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (unsubscribeLinks.sourceOf(token).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "digests/unsubscribe-invalid";
        }
        model.addAttribute("token", token);
        return "digests/unsubscribe";
    }

    /** From the confirmation page, or straight from a mail client (List-Unsubscribe=One-Click, token in the URL). */
    @PostMapping("/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
        Optional<Long> source = unsubscribeLinks.sourceOf(token);
        if (source.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "digests/unsubscribe-invalid";
        }
        preferences.choose(source.get(), DigestPreferences.Choice.NONE, clock.instant());
        return "digests/unsubscribed";
    }

    /** Only sources reach the settings (SecurityConfiguration). */
    private Optional<Long> profile(CurrentUser user) {
        return matching.profileOf(user.id());
    }
}
