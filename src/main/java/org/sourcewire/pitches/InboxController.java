package org.sourcewire.pitches;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.WebAddress;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The journalist's review inbox and triage actions. Each action answers an htmx request with the pitch's card
 * (no reload) and a plain form post with a redirect back, so everything works without JavaScript too.
 */
@Controller
class InboxController {

    static final int PAGE_SIZE = 25;

    private final PitchManagement pitches;
    private final AccountManagement accounts;

    InboxController(PitchManagement pitches, AccountManagement accounts) {
        this.pitches = pitches;
        this.accounts = accounts;
    }

    @GetMapping("/queries/{id}/pitches")
    String inbox(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "score") String sort,
            @RequestParam(defaultValue = "false") boolean hideFlagged, @RequestParam(required = false) String minScore,
            @RequestParam(required = false) UUID similar, @RequestParam(defaultValue = "0") int page, Model model) {
        AccountView reader = accounts.find(user.id()).orElseThrow();
        model.addAttribute("query", pitches.ownQuery(id, reader));
        PitchStatus only = PitchController.parse(status);
        InboxFilter filter = InboxFilter.of(only, sort, hideFlagged, score(minScore), similar);
        var found = pitches.inbox(id, filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("pitches", found);
        model.addAttribute("hidden", pitches.hiddenBy(id, filter));
        model.addAttribute("filter", filter);
        model.addAttribute("counts", pitches.countsByStatus(id));
        model.addAttribute("status", only);
        model.addAttribute("sort", filter.sort());
        model.addAttribute("statuses", PitchStatus.values());
        model.addAttribute("declineReasons", PitchManagement.DECLINE_REASONS);
        model.addAttribute("reportReasons", ReportReason.values());
        model.addAttribute("canAct", reader.isJournalist());
        return "pitches/inbox";
    }

    @HxRequest
    @PostMapping("/pitches/{publicId}/{action:shortlist|decline|use|report}")
    String actOnCard(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, @PathVariable String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String articleUrl,
            @RequestParam(required = false) String note, Model model) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        String problem = act(journalist, publicId, action, reason, articleUrl, note);
        PitchViews.Detail pitch = pitches.read(publicId, journalist).orElseThrow(PitchNotFoundException::new);
        model.addAttribute("card", pitches.card(pitch));
        model.addAttribute("queryId", pitch.query().id());
        model.addAttribute("declineReasons", PitchManagement.DECLINE_REASONS);
        model.addAttribute("reportReasons", ReportReason.values());
        model.addAttribute("canAct", true);
        model.addAttribute("cardMessage", problem != null ? problem : done(action));
        model.addAttribute("cardProblem", problem != null);
        return "pitches/inbox :: card";
    }

    @PostMapping("/pitches/{publicId}/{action:shortlist|decline|use|report}")
    String act(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, @PathVariable String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String articleUrl,
            @RequestParam(required = false) String note, @RequestParam(defaultValue = "inbox") String back,
            RedirectAttributes redirect) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        String problem = act(journalist, publicId, action, reason, articleUrl, note);
        redirect.addFlashAttribute(problem != null ? "error" : "success", problem != null ? problem : done(action));
        PitchViews.Detail pitch = pitches.read(publicId, journalist).orElseThrow(PitchNotFoundException::new);
        return "detail".equals(back) ? "redirect:/pitches/" + publicId : "redirect:/queries/" + pitch.query().id() + "/pitches";
    }

    @PostMapping("/queries/{id}/pitches/decline")
    String declineSelected(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "selected", required = false) List<String> selected,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        List<UUID> ids = new ArrayList<>();
        for (String value : selected == null ? List.<String>of() : selected) {
            try {
                ids.add(UUID.fromString(value));
            }
            catch (IllegalArgumentException ex) {
                // Not one of ours; nothing to decline.
            }
        }
        // Only the query's journalist gets past this (a 404 for anyone else), with or without ticked pitches.
        int declined = pitches.declineAll(id, journalist, ids, knownReason(reason));
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("error", "Tick the pitches you want to decline first.");
        }
        else {
            redirect.addFlashAttribute("success", "Declined " + declined + (declined == 1 ? " pitch." : " pitches."));
        }
        return "redirect:/queries/" + id + "/pitches";
    }

    private static Integer score(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /** Runs one triage action; returns the message for a refused one, or null. */
    private String act(AccountView journalist, UUID publicId, String action, String reason, String articleUrl, String note) {
        try {
            switch (action) {
                case "shortlist" -> pitches.shortlist(publicId, journalist);
                case "decline" -> pitches.decline(publicId, journalist, knownReason(reason));
                case "use" -> {
                    if (articleUrl != null && !articleUrl.isBlank() && !WebAddress.Validator.isWebAddress(articleUrl.strip())) {
                        return "Enter the article's full address, starting with https://, or leave it empty.";
                    }
                    pitches.markUsed(publicId, journalist, articleUrl);
                }
                case "report" -> {
                    ReportReason why = reportReason(reason);
                    if (why == null) {
                        return "Choose why you report this pitch.";
                    }
                    if (note != null && note.length() > 500) {
                        return "Keep the note under 500 characters.";
                    }
                    pitches.report(publicId, journalist, why, note);
                }
                default -> throw new PitchNotFoundException();
            }
            return null;
        }
        catch (PitchRuleException ex) {
            return ex.getMessage();
        }
    }

    private static String done(String action) {
        return switch (action) {
            case "shortlist" -> "Shortlisted. The source is told.";
            case "decline" -> "Declined.";
            case "use" -> "Marked as used. The source is told. Thank you for crediting them.";
            default -> "Reported. A moderator will look at it.";
        };
    }

    /** Only the offered reasons are sent to sources, so a decline can never carry free text to them. */
    private static String knownReason(String reason) {
        return reason != null && PitchManagement.DECLINE_REASONS.contains(reason) ? reason : null;
    }

    private static ReportReason reportReason(String reason) {
        try {
            return reason == null ? null : ReportReason.valueOf(reason);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
