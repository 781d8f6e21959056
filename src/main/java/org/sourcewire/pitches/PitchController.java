package org.sourcewire.pitches;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
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
    private final PitchMessages pitchMessages;
    private final PitchSummaries summaries;
    private final AccountManagement accounts;
    private final SourceManagement sources;
    private final PitchTimeline timeline;
    private final PitchAttributions attributions;
    private final PitchSnippets snippets;
    private final Messages messages;

    PitchController(PitchSubmission submission, PitchAccess access, PitchTriage triage, PitchMessages pitchMessages,
            PitchSummaries summaries, AccountManagement accounts, SourceManagement sources, PitchTimeline timeline,
            PitchAttributions attributions, PitchSnippets snippets, Messages messages) {
        this.snippets = snippets;
        this.attributions = attributions;
        this.submission = submission;
        this.access = access;
        this.triage = triage;
        this.pitchMessages = pitchMessages;
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
            redirect.addFlashAttribute("info", messages.text("pitches.flash.already-pitched"));
            return "redirect:/pitches/" + existing.get();
        }
        try {
            QueryView query = submission.pitchable(id, source);
            return formPage(query, PitchForm.blank(query.questions().size()), null, source, model);
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
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
                redirect.addFlashAttribute("info", messages.text("pitches.flash.pitched-already"));
                return "redirect:/pitches/" + existing.get();
            }
            messages.error(redirect, ex);
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
            model.addAttribute("success", messages.text("pitches.text.sent"));
        }
        model.addAttribute("pitch", pitch);
        model.addAttribute("timeline", timeline.of(pitch, reader.isSource()));
        // The message form's one-time key: the same form sent twice makes one message.
        model.addAttribute("messageKey", UUID.randomUUID());
        model.addAttribute("asSource", reader.isSource());
        model.addAttribute("asJournalist", reader.isJournalist());
        model.addAttribute("declineReasons", DeclineReason.values());
        model.addAttribute("reportReasons", ReportReason.values());
        return "pitches/detail";
    }

    @GetMapping("/pitches/{publicId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId, Model model,
            RedirectAttributes redirect) {
        AccountView source = source(user);
        PitchViews.Detail pitch = access.read(publicId, source).orElseThrow(PitchNotFoundException::new);
        if (!pitch.isEditable()) {
            messages.error(redirect, "pitches.rule.opened-cannot-change");
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
                messages.success(redirect, "pitches.flash.updated");
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
            messages.success(redirect, "pitches.flash.withdrawn");
            return "redirect:/pitches";
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
            return "redirect:/pitches/" + publicId;
        }
    }

    @PostMapping("/pitches/{publicId}/messages")
    String write(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID publicId,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) String submissionKey,
            RedirectAttributes redirect) {
        AccountView author = accounts.find(user.id()).orElseThrow();
        if (body.isBlank()) {
            redirect.addFlashAttribute("messageError", messages.text("pitches.flash.message-empty"));
        }
        else if (body.strip().length() > 2000) {
            redirect.addFlashAttribute("messageError", messages.text("pitches.flash.message-too-long"));
            redirect.addFlashAttribute("draft", body);
        }
        else {
            try {
                pitchMessages.write(publicId, author, body, OneTimeKey.from(submissionKey));
                messages.success(redirect, "pitches.flash.message-sent");
            }
            catch (RuleException ex) {
                redirect.addFlashAttribute("messageError", messages.text(ex));
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
        messages.success(redirect, dailySummary ? "pitches.flash.summary-on" : "pitches.flash.summary-off");
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

    /** A refusal beside its field; one about the answers (a list, no single field) above the form. */
    private static void reject(BindingResult result, RuleException ex) {
        if (ex.field() != null && !"answers".equals(ex.field())) {
            ex.rejectIn(result);
        }
        else {
            result.reject(ex.getCodes()[0], ex.getArguments(), ex.getDefaultMessage());
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
