package org.sourcewire.placements;

import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.pitches.PitchStatus;
import org.sourcewire.pitches.PitchViews;
import org.sourcewire.shared.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The placement on a used pitch's page (loaded into it by htmx): the article, the promise beside what was found, the
 * history of readings; the source's proposal of an article and the journalist's answer to it.
 */
@Controller
class PlacementController {

    private final Placements placements;
    private final AccountManagement accounts;
    private final PlacementsProperties properties;
    private final Messages messages;

    PlacementController(Placements placements, AccountManagement accounts, PlacementsProperties properties,
            Messages messages) {
        this.placements = placements;
        this.accounts = accounts;
        this.properties = properties;
        this.messages = messages;
    }

    /** The recheck schedule in words: "1, 7, 30 and 90 days". */
    private String schedule() {
        java.util.List<java.time.Duration> after = properties.recheckAfter();
        boolean days = after.stream().allMatch(each -> each.toHours() % 24 == 0);
        java.util.List<String> parts = after.stream().map(each -> days ? Long.toString(each.toDays())
                : messages.text("placements.text.schedule.hours", Long.toString(each.toHours()))).toList();
        String list = parts.size() == 1 ? parts.get(0) : messages.text("placements.text.schedule.and",
                String.join(", ", parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1));
        return days ? messages.text("placements.text.schedule.days", list) : list;
    }

    @GetMapping("/pitches/{publicId}/placement")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, Model model) {
        return fragment(reader(user), publicId, null, null, null, model);
    }

    @HxRequest
    @PostMapping("/pitches/{publicId}/placement/proposal")
    String proposeInPage(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId,
            @RequestParam(required = false) String articleUrl, Model model) {
        AccountView source = reader(user);
        try {
            placements.propose(publicId, source, articleUrl);
            return fragment(source, publicId, messages.text("placements.flash.proposed"), null, null, model);
        }
        catch (Placements.PlacementRefused ex) {
            return fragment(source, publicId, null, messages.text(ex), articleUrl, model);
        }
    }

    @PostMapping("/pitches/{publicId}/placement/proposal")
    String propose(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId,
            @RequestParam(required = false) String articleUrl, RedirectAttributes redirect) {
        try {
            placements.propose(publicId, reader(user), articleUrl);
            messages.success(redirect, "placements.flash.proposed");
        }
        catch (Placements.PlacementRefused ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/pitches/" + publicId + "#placement";
    }

    @HxRequest
    @PostMapping("/pitches/{publicId}/placement/proposal/reject")
    String rejectInPage(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, Model model) {
        AccountView journalist = reader(user);
        try {
            placements.reject(publicId, journalist);
            return fragment(journalist, publicId, messages.text("placements.flash.turned-down"), null, null, model);
        }
        catch (Placements.PlacementRefused ex) {
            return fragment(journalist, publicId, null, messages.text(ex), null, model);
        }
    }

    @PostMapping("/pitches/{publicId}/placement/proposal/reject")
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, RedirectAttributes redirect) {
        try {
            placements.reject(publicId, reader(user));
            messages.success(redirect, "placements.flash.turned-down");
        }
        catch (Placements.PlacementRefused ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/pitches/" + publicId + "#placement";
    }

    private String fragment(AccountView reader, UUID publicId, String done, String problem, String draft, Model model) {
        PitchViews.Detail pitch = placements.readable(publicId, reader);
        boolean asSource = reader.isSource();
        model.addAttribute("pitch", pitch);
        model.addAttribute("used", pitch.status() == PitchStatus.USED);
        model.addAttribute("placement", placements.view(pitch).orElse(null));
        model.addAttribute("asSource", asSource);
        model.addAttribute("asJournalist", Placements.isJournalistOf(pitch, reader));
        model.addAttribute("done", done);
        model.addAttribute("problem", problem);
        model.addAttribute("draft", draft);
        model.addAttribute("schedule", schedule());
        return "placements/placement :: placement";
    }

    private AccountView reader(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
