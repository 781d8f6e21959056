package org.sourcewire.pitches;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.OneTimeKey;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.ViewerZone;
import org.sourcewire.sources.SourceManagement;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The source's side: the pitch form, editing and withdrawing, "my pitches"; and the pitch page for both sides. */
@Controller
class PitchController {

    private final PitchSubmission submission;
    private final PitchAccess access;
    private final PitchTriage triage;
    private final PitchMessages messages;
    private final PitchSummaries summaries;
    private final AccountManagement accounts;
    private final SourceManagement sources;
    private final PitchTimeline timeline;
    private final PitchAttributions attributions;
    private final PitchSnippets snippets;

    PitchController(PitchSubmission submission, PitchAccess access, PitchTriage triage, PitchMessages messages,
            PitchSummaries summaries, AccountManagement accounts, SourceManagement sources, PitchTimeline timeline,
            PitchAttributions attributions, PitchSnippets snippets) {
        this.snippets = snippets;
        this.attributions = attributions;
        this.submission = submission;
        this.access = access;
        this.triage = triage;
        this.messages = messages;
        this.summaries = summaries;
        this.accounts = accounts;
        this.sources = sources;
        this.timeline = timeline;
    }

    @GetMapping("/queries/{id}/pitch")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @ViewerZone Optional<ZoneId> zone,
            Model model, RedirectAttributes redirect) {
        AccountView source = source(user);
        // A first pitch may come before the profile page: the profile then starts in the browser's zone.
        sources.ensureProfile(source, zone);
        var existing = sources.findByAccount(source.id()).flatMap(profile -> submission.existing(id, profile.id()));
        if (existing.isPresent()) {
            redirect.addFlashAttribute("info", "You have already pitched this query. Here is your pitch.");
            return "redirect:/pitches/" + existing.get();
        }
        try {
            QueryView query = submission.pitchable(id, source);
            return formPage(query, PitchForm.blank(query.questions().size()), null, source, model);
        }
        catch (RuleException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/queries/" + id;
        }
    }

    @PostMapping("/queries/{id}/pitch")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("form") PitchForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        AccountView source = source(user);
        QueryView query;
        try {
            query = submission.pitchable(id, source);
        }
        catch (RuleException ex) {
            var existing = sources.findByAccount(source.id()).flatMap(profile -> submission.existing(id, profile.id()));
            if (existing.isPresent()) {
                redirect.addFlashAttribute("info", "You have pitched this query already. Here is your pitch.");
                return "redirect:/pitches/" + existing.get();
            }
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/queries/" + id;
        }
        form.validate(result, query.questions().size());
        if (!result.hasErrors()) {
            try {
                UUID pitch = submission.submit(source, query, form.toDraft(query.questions().size()), form.key());
                // The confirmation is a query parameter, not a flash attribute: sending a pitch writes no session.
                // One view name for every pitch, so the redirect view is resolved once and cached, not per pitch.
                redirect.addAttribute("pitch", pitch).addAttribute("sent", true);
                return "redirect:/pitches/{pitch}";
            }
            catch (RuleException ex) {
                reject(result, ex);
            }
        }
        return formPage(query, form, null, source, model);
    }

    /** htmx: the pre-flight checklist for what the form holds now. Nothing is saved. */
    @io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest
    @PostMapping("/queries/{id}/pitch/preflight")
    String preflight(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) UUID editing, @ModelAttribute("form") PitchForm form, BindingResult ignored,
            Model model) {
        AccountView source = source(user);
        QueryView query = submission.visibleToSource(id);
        PitchDraft draft = form.toDraft(query.questions().size());
        boolean empty = draft.answers().stream().allMatch(answer -> answer.isBlank());
        model.addAttribute("verdict", empty ? null : submission.preflight(query, source, draft, editing));
        model.addAttribute("query", query);
        model.addAttribute("publicId", editing);
        return "pitches/form :: preflight";
    }

    @GetMapping("/pitches")
    String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "status", required = false) PitchStatus filter,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AccountView source = source(user);
        model.addAttribute("pitches", submission.mine(source, filter, PageRequest.of(Math.max(page, 0), 20)));
        model.addAttribute("status", filter);
        model.addAttribute("statuses", PitchStatus.values());
        return "pitches/mine";
    }

    @GetMapping("/pitches/{publicId}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId,
            @RequestParam(required = false) String sent, Model model) {
        AccountView reader = accounts.find(user.id()).orElseThrow();
        PitchViews.Detail pitch = (reader.isJournalist() ? triage.open(publicId, reader) : access.read(publicId, reader))
                .orElseThrow(PitchNotFoundException::new);
        // "?sent=true" after the pitch form: the confirmation, without a flash attribute in the session. Any other
        // value (a mangled link) just shows the pitch.
        if ("true".equals(sent) && reader.isSource()) {
            model.addAttribute("success", "Your pitch is sent. You can change or withdraw it until the journalist "
                    + "opens it.");
        }
        model.addAttribute("pitch", pitch);
        model.addAttribute("timeline", timeline.of(pitch, reader.isSource()));
        // The message form's one-time key: the same form sent twice makes one message.
        model.addAttribute("messageKey", UUID.randomUUID());
        model.addAttribute("asSource", reader.isSource());
        model.addAttribute("asJournalist", reader.isJournalist());
        model.addAttribute("declineReasons", PitchTriage.DECLINE_REASONS);
        model.addAttribute("reportReasons", ReportReason.values());
        return "pitches/detail";
    }

    @GetMapping("/pitches/{publicId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, Model model,
            RedirectAttributes redirect) {
        AccountView source = source(user);
        PitchViews.Detail pitch = access.read(publicId, source).orElseThrow(PitchNotFoundException::new);
        if (!pitch.isEditable()) {
            redirect.addFlashAttribute("error", "The journalist has opened this pitch, so it can no longer be changed.");
            return "redirect:/pitches/" + publicId;
        }
        return formPage(pitch.query(), PitchForm.of(pitch, attributions.of(pitch.id())), publicId, source, model);
    }

    @PostMapping("/pitches/{publicId}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId,
            @Valid @ModelAttribute("form") PitchForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        AccountView source = source(user);
        PitchViews.Detail pitch = access.read(publicId, source).orElseThrow(PitchNotFoundException::new);
        form.validate(result, pitch.query().questions().size());
        if (!result.hasErrors()) {
            try {
                submission.edit(publicId, source, form.toDraft(pitch.query().questions().size()));
                redirect.addFlashAttribute("success", "Your pitch is updated.");
                return "redirect:/pitches/" + publicId;
            }
            catch (RuleException ex) {
                reject(result, ex);
            }
        }
        return formPage(pitch.query(), form, publicId, source, model);
    }

    @PostMapping("/pitches/{publicId}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, RedirectAttributes redirect) {
        AccountView source = source(user);
        try {
            submission.withdraw(publicId, source);
            redirect.addFlashAttribute("success", "Your pitch is withdrawn. The journalist will not see it.");
            return "redirect:/pitches";
        }
        catch (RuleException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/pitches/" + publicId;
        }
    }

    @PostMapping("/pitches/{publicId}/messages")
    String write(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) String submissionKey,
            RedirectAttributes redirect) {
        AccountView author = accounts.find(user.id()).orElseThrow();
        if (body.isBlank()) {
            redirect.addFlashAttribute("messageError", "Write a message first.");
        }
        else if (body.strip().length() > 2000) {
            redirect.addFlashAttribute("messageError", "Keep a message under 2,000 characters.");
            redirect.addFlashAttribute("draft", body);
        }
        else {
            try {
                messages.write(publicId, author, body, OneTimeKey.from(submissionKey));
                redirect.addFlashAttribute("success", "Message sent. They get an e-mail with a link back here.");
            }
            catch (RuleException ex) {
                redirect.addFlashAttribute("messageError", ex.getMessage());
            }
        }
        return "redirect:/pitches/" + publicId + "#messages";
    }

    @GetMapping("/pitches/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
        AccountView journalist = journalist(user);
        model.addAttribute("dailySummary", summaries.wantsDailySummary(journalist.id()));
        return "pitches/settings";
    }

    @PostMapping("/pitches/settings")
    String saveSettings(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "false") boolean dailySummary, RedirectAttributes redirect) {
        AccountView journalist = journalist(user);
        summaries.setDailySummary(journalist.id(), dailySummary);
        redirect.addFlashAttribute("success", dailySummary ? "You will get a daily summary of new pitches."
                : "You will no longer get the daily summary.");
        return "redirect:/pitches/settings";
    }

    private String formPage(QueryView query, PitchForm form, UUID publicId, AccountView source, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("form", form);
        java.util.List<String> rows = form.rows(query.questions().size());
        model.addAttribute("rows", rows);
        model.addAttribute("wordCounts", rows.stream().map(PitchDraft::count).toList());
        model.addAttribute("totalWords", form.toDraft(rows.size()).words());
        model.addAttribute("publicId", publicId);
        model.addAttribute("profile", sources.ensureProfile(source));
        model.addAttribute("maxWords", submission.maxWords());
        model.addAttribute("requirements", PitchSubmission.hasRequirements(query));
        model.addAttribute("snippets", snippets.of(source));
        PitchDraft draft = form.toDraft(query.questions().size());
        model.addAttribute("verdict", draft.answers().stream().allMatch(String::isBlank) ? null
                : submission.preflight(query, source, draft, publicId));
        return "pitches/form";
    }

    private static void reject(BindingResult result, RuleException ex) {
        if (ex.field() != null && !"answers".equals(ex.field())) {
            result.rejectValue(ex.field(), "rule", ex.getMessage());
        }
        else {
            result.reject("rule", ex.getMessage());
        }
    }

    private AccountView source(CurrentUser user) {
        AccountView account = accounts.find(user.id()).orElseThrow();
        if (!account.isSource()) {
            throw new AccessDeniedException("Only sources pitch");
        }
        return account;
    }

    /** Only journalists reach /pitches/settings (SecurityConfiguration). */
    private AccountView journalist(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
