package org.sourcewire.pitches;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
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

    static final int PAGE_SIZE = 50;

    private final PitchInbox inbox;
    private final PitchTriage triage;
    private final PitchAccess access;
    private final AccountManagement accounts;
    private final Messages messages;

    InboxController(PitchInbox inbox, PitchTriage triage, PitchAccess access, AccountManagement accounts,
            Messages messages) {
        this.inbox = inbox;
        this.triage = triage;
        this.access = access;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/queries/{id}/pitches")
    String inbox(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "status", required = false) PitchStatus only, @RequestParam(defaultValue = "score") String sort,
            @RequestParam(defaultValue = "false") boolean hideFlagged, @RequestParam(required = false) String minScore,
            @RequestParam(required = false) UUID similar, @RequestParam(required = false) UUID open,
            @RequestParam(defaultValue = "false") boolean verifiedOnly,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AccountView reader = accounts.find(user.id()).orElseThrow();
        QueryView query = access.ownQuery(id, reader);
        model.addAttribute("query", query);
        InboxFilter filter = InboxFilter.of(only, sort, hideFlagged, score(minScore), similar, verifiedOnly);
        var found = inbox.cards(id, filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("pitches", found);
        model.addAttribute("hidden", inbox.hiddenBy(id, filter));
        model.addAttribute("filter", filter);
        counts(model, inbox.countsByStatus(id));
        model.addAttribute("status", only);
        model.addAttribute("sort", filter.sort());
        model.addAttribute("statuses", PitchStatus.values());
        // A pitch asked for by the address (the pane after a reload, or a link) is shown in the reading pane.
        if (open != null) {
            read(reader, open).filter(pitch -> pitch.query().id() == id).ifPresent(pitch -> model.addAttribute("pitch", pitch));
        }
        decisionChoices(model, reader.isJournalist());
        return "pitches/inbox";
    }

    /** The reading pane: the whole pitch, the source's card and every reason; opening it marks the pitch viewed. */
    @HxRequest
    @GetMapping("/pitches/{publicId}/pane")
    String pane(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, Model model) {
        AccountView reader = accounts.find(user.id()).orElseThrow();
        PitchViews.Detail pitch = read(reader, publicId).orElseThrow(PitchNotFoundException::new);
        return pane(pitch, reader.isJournalist(), null, false, List.of(), model);
    }

    /** Without htmx the pane's address shows the pitch in the inbox page itself. */
    @GetMapping("/pitches/{publicId}/pane")
    String paneWithoutHtmx(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId) {
        AccountView reader = accounts.find(user.id()).orElseThrow();
        PitchViews.Detail pitch = read(reader, publicId).orElseThrow(PitchNotFoundException::new);
        return "redirect:/queries/" + pitch.query().id() + "/pitches?open=" + publicId;
    }

    @HxRequest
    @PostMapping("/pitches/{publicId}/{action:shortlist|decline|use|report}")
    String actInPane(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, @PathVariable String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String articleUrl,
            @RequestParam(required = false) String note, Model model) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        String problem = act(journalist, publicId, action, reason, articleUrl, note);
        PitchViews.Detail pitch = access.read(publicId, journalist).orElseThrow(PitchNotFoundException::new);
        boolean undoable = problem == null && ("shortlist".equals(action) || "decline".equals(action));
        return pane(pitch, true, problem != null ? problem : done(action), problem != null,
                undoable ? List.of(publicId) : List.of(), model);
    }

    @PostMapping("/pitches/{publicId}/{action:shortlist|decline|use|report}")
    String act(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, @PathVariable String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String articleUrl,
            @RequestParam(required = false) String note, @RequestParam(defaultValue = "inbox") String back,
            RedirectAttributes redirect) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        String problem = act(journalist, publicId, action, reason, articleUrl, note);
        PitchViews.Detail pitch = access.read(publicId, journalist).orElseThrow(PitchNotFoundException::new);
        if (problem != null || "detail".equals(back)) {
            redirect.addFlashAttribute(problem != null ? "error" : "success", problem != null ? problem : done(action));
        }
        else {
            // Back in the inbox the confirmation is its toast, with Undo for what can be taken back.
            redirect.addFlashAttribute("toast", done(action));
            if ("shortlist".equals(action) || "decline".equals(action)) {
                redirect.addFlashAttribute("undo", List.of(publicId));
            }
        }
        return "detail".equals(back) ? "redirect:/pitches/" + publicId
                : "redirect:/queries/" + pitch.query().id() + "/pitches?open=" + publicId;
    }

    /** Bulk actions on the ticked pitches of one query: decline (with one reason for all) or shortlist. */
    @PostMapping("/queries/{id}/pitches/{action:decline|shortlist}")
    String actOnSelected(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String action,
            @RequestParam(name = "selected", required = false) List<String> selected,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        List<UUID> ids = uuids(selected);
        // Only the query's journalist gets past this (a 404 for anyone else), with or without ticked pitches.
        List<UUID> done = "decline".equals(action) ? triage.declineAll(id, journalist, ids, knownReason(reason))
                : triage.shortlistAll(id, journalist, ids);
        if (ids.isEmpty()) {
            messages.error(redirect, "decline".equals(action) ? "pitches.flash.tick-to-decline"
                    : "pitches.flash.tick-to-shortlist");
        }
        else {
            redirect.addFlashAttribute("toast", messages.text("decline".equals(action) ? "pitches.flash.declined-count"
                    : "pitches.flash.shortlisted-count", done.size()));
            redirect.addFlashAttribute("undo", done);
        }
        return "redirect:/queries/" + id + "/pitches";
    }

    /** Declines a whole cluster of near-identical pitches, named by any of them. */
    @PostMapping("/queries/{id}/pitches/clusters/{member}/decline")
    String declineCluster(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable UUID member,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        List<UUID> done = triage.declineCluster(id, journalist, member, knownReason(reason));
        redirect.addFlashAttribute("toast", messages.text("pitches.flash.declined-similar", done.size()));
        redirect.addFlashAttribute("undo", done);
        return "redirect:/queries/" + id + "/pitches";
    }

    /** Takes back the last decision on these pitches, within the undo window. */
    @HxRequest
    @PostMapping("/queries/{id}/pitches/undo")
    String undoInPane(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "pitch", required = false) List<String> chosen, Model model) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        List<UUID> restored = triage.undo(id, journalist, uuids(chosen));
        model.addAttribute("rows", restored.stream().map(pitch -> access.read(pitch, journalist).orElseThrow())
                .map(inbox::card).toList());
        model.addAttribute("query", access.ownQuery(id, journalist));
        model.addAttribute("toast", undone(restored.size()));
        counts(model, inbox.countsByStatus(id));
        decisionChoices(model, true);
        return "pitches/inbox :: undone";
    }

    @PostMapping("/queries/{id}/pitches/undo")
    String undo(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "pitch", required = false) List<String> chosen, RedirectAttributes redirect) {
        AccountView journalist = accounts.find(user.id()).orElseThrow();
        List<UUID> restored = triage.undo(id, journalist, uuids(chosen));
        redirect.addFlashAttribute("toast", undone(restored.size()));
        return "redirect:/queries/" + id + "/pitches";
    }

    private String undone(int restored) {
        return restored == 0 ? messages.text("pitches.flash.undo-too-late")
                : messages.text("pitches.flash.undone", restored);
    }

    /**
     * The pitch in the inbox's pane: a journalist opening their own pitch marks it viewed; an admin only reads; a
     * source has no inbox (the pane shows screening's reasons, which sources never see).
     */
    private java.util.Optional<PitchViews.Detail> read(AccountView reader, UUID publicId) {
        if (reader.isSource()) {
            return java.util.Optional.empty();
        }
        return reader.isJournalist() ? triage.open(publicId, reader) : access.read(publicId, reader);
    }

    private String pane(PitchViews.Detail pitch, boolean canAct, String message, boolean problem, List<UUID> undo,
            Model model) {
        model.addAttribute("pitch", pitch);
        model.addAttribute("query", pitch.query());
        model.addAttribute("rows", List.of(inbox.card(pitch)));
        model.addAttribute("paneMessage", message);
        model.addAttribute("paneProblem", problem);
        model.addAttribute("undo", undo);
        model.addAttribute("toast", message != null && !problem ? message : null);
        model.addAttribute("live", true);
        // After a decision, the status counts change too.
        if (message != null) {
            counts(model, inbox.countsByStatus(pitch.query().id()));
        }
        decisionChoices(model, canAct);
        return "pitches/inbox :: pane-update";
    }

    /** The status counts, and the shortlist's for the way to compare it. */
    private static void counts(Model model, java.util.Map<PitchStatus, Long> counts) {
        model.addAttribute("counts", counts);
        model.addAttribute("shortlisted", counts.get(PitchStatus.SHORTLISTED));
    }

    private static void decisionChoices(Model model, boolean canAct) {
        model.addAttribute("declineReasons", DeclineReason.values());
        model.addAttribute("reportReasons", ReportReason.values());
        model.addAttribute("canAct", canAct);
    }

    /** The values that are pitch ids; anything else is not one of ours and is left out. */
    static List<UUID> uuids(List<String> values) {
        List<UUID> ids = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                ids.add(UUID.fromString(value));
            }
            catch (IllegalArgumentException ex) {
                // Not one of ours; nothing to do with it.
            }
        }
        return ids;
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
                case "shortlist" -> triage.shortlist(publicId, journalist);
                case "decline" -> triage.decline(publicId, journalist, knownReason(reason));
                case "use" -> {
                    if (articleUrl != null && !articleUrl.isBlank() && !WebAddress.Validator.isWebAddress(articleUrl.strip())) {
                        return messages.text("pitches.flash.article-address-invalid");
                    }
                    triage.markUsed(publicId, journalist, articleUrl);
                }
                case "report" -> {
                    ReportReason why = reportReason(reason);
                    if (why == null) {
                        return messages.text("pitches.flash.report-reason-missing");
                    }
                    if (note != null && note.length() > 500) {
                        return messages.text("pitches.flash.report-note-too-long");
                    }
                    triage.report(publicId, journalist, why, note);
                }
                default -> throw new PitchNotFoundException();
            }
            return null;
        }
        catch (RuleException ex) {
            return messages.text(ex);
        }
    }

    private String done(String action) {
        return messages.text(switch (action) {
            case "shortlist" -> "pitches.flash.shortlisted";
            case "decline" -> "pitches.flash.declined";
            case "use" -> "pitches.flash.used";
            default -> "pitches.flash.reported";
        });
    }

    /** Only the offered reasons are sent to sources, so a decline can never carry free text to them. */
    private static DeclineReason knownReason(String reason) {
        return DeclineReason.of(reason);
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
