package org.sourcewire.queries;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.validation.Valid;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.OneTimeKey;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.ViewerZone;
import org.sourcewire.topics.TopicCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Journalists' query pages; the detail page also serves admins and (for published queries) sources. */
@Controller
@RequestMapping("/queries")
class QueryController {

    private final QueryManagement queries;
    private final AccountManagement accounts;
    private final TopicCatalog topics;
    private final ObjectProvider<PitchTallies> pitchTallies;
    private final Clock clock;
    private final org.sourcewire.accounts.Verifications verifications;
    private final QueryTemplates templates;
    private final Messages messages;

    QueryController(QueryManagement queries, AccountManagement accounts, TopicCatalog topics,
            ObjectProvider<PitchTallies> pitchTallies, Clock clock, org.sourcewire.accounts.Verifications verifications,
            QueryTemplates templates, Messages messages) {
        this.templates = templates;
        this.messages = messages;
        this.verifications = verifications;
        this.queries = queries;
        this.accounts = accounts;
        this.topics = topics;
        this.pitchTallies = pitchTallies;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(name = "status", defaultValue = "all") QueryTab tab,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AccountView journalist = journalist(user);
        Page<QueryView> found = queries.listOwn(journalist.id(), tab == QueryTab.ALL ? Set.of() : tab.statuses(),
                PageRequest.of(Math.max(page, 0), 20));
        Map<Long, PitchTallies.Tally> tallies = pitchTallies.getIfAvailable(() -> ids -> Map.of())
                .of(found.map(QueryView::id).getContent());
        model.addAttribute("queries", found.map(query -> new QueryListItem(query,
                tallies.getOrDefault(query.id(), PitchTallies.Tally.NONE))));
        model.addAttribute("tab", tab);
        Map<QueryStatus, Long> counts = queries.countsByStatus(journalist.id());
        model.addAttribute("tabs", Arrays.stream(QueryTab.values()).map(t -> new QueryTab.Counted(t, t.count(counts)))
                .toList());
        return "queries/list";
    }

    @GetMapping("/new")
    String newQuery(@AuthenticationPrincipal CurrentUser user, @ViewerZone Optional<ZoneId> zone,
            @RequestParam(required = false) String template, Model model) {
        AccountView journalist = journalist(user);
        if (template != null) {
            // Started from a saved template: the journalist's own, else (a mangled or foreign id) no such page.
            QueryTemplates.Started started = parseId(template).flatMap(id -> templates.start(id, journalist))
                    .orElseThrow(QueryNotFoundException::new);
            model.addAttribute("info", messages.text("queries.text.started-from-template", started.name()));
            return form(started.form(), null, model);
        }
        model.addAttribute("templates", templates.of(journalist.id()));
        return form(QueryForm.blank(journalist, zone, clock.instant()), null, model);
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") QueryForm form,
            BindingResult result, @RequestParam(defaultValue = "draft") String action,
            @RequestParam(required = false) Integer removeQuestion, @RequestParam(required = false) String addQuestion,
            Model model, RedirectAttributes redirect) {
        AccountView journalist = journalist(user);
        boolean submitting = "submit".equals(action);
        String again = formAgain(form, result, submitting, removeQuestion, addQuestion, null, model);
        if (again != null) {
            return again;
        }
        QueryManagement.Saved saved;
        try {
            saved = queries.createDraft(journalist, form.toDetails(), OneTimeKey.from(form.getSubmissionKey()));
        }
        catch (RuleException ex) {
            ex.rejectIn(result);
            return form(form, null, model);
        }
        if (saved.earlier()) {
            // The same form again (a double click): the first sending saved (and submitted) it and said so.
            return "redirect:/queries/" + saved.id();
        }
        return afterSave(saved.id(), journalist, submitting, redirect);
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        QueryView query = queries.find(id).orElseThrow(QueryNotFoundException::new);
        boolean owner = query.journalistId() != null && query.journalistId() == user.id();
        if (owner || user.is(Role.ADMIN)) {
            model.addAttribute("query", query);
            model.addAttribute("owner", owner);
            // The duplicate button's one-time key: a double click makes one copy.
            model.addAttribute("duplicateKey", UUID.randomUUID());
            return "queries/detail";
        }
        if (user.is(Role.SOURCE) && query.isVisibleToSources()) {
            // The journalist's passed checks, never for an anonymous query: their subjects (a domain, an outlet)
            // would name who asks. An anonymous query shows only the plain "verified outlet" badge.
            model.addAttribute("journalistChecks", query.anonymous() ? java.util.List.of()
                    : verifications.passed(query.journalistId()));
            model.addAttribute("query", query.forSource());
            model.addAttribute("owner", false);
            return "queries/detail";
        }
        throw new QueryNotFoundException();
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        QueryView query = ownQuery(user, id);
        if (!query.isDraft()) {
            redirect.addFlashAttribute("info", messages.text("queries.flash.only-drafts-edited"));
            return "redirect:/queries/" + id;
        }
        return form(QueryForm.of(query), id, model);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("form") QueryForm form, BindingResult result,
            @RequestParam(defaultValue = "draft") String action, @RequestParam(required = false) Integer removeQuestion,
            @RequestParam(required = false) String addQuestion, Model model, RedirectAttributes redirect) {
        AccountView journalist = journalist(user);
        ownQuery(user, id);
        boolean submitting = "submit".equals(action);
        String again = formAgain(form, result, submitting, removeQuestion, addQuestion, id, model);
        if (again != null) {
            return again;
        }
        try {
            queries.editDraft(id, journalist, form.toDetails());
        }
        catch (RuleException ex) {
            ex.rejectIn(result);
            return form(form, id, model);
        }
        return afterSave(id, journalist, submitting, redirect);
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        AccountView journalist = journalist(user);
        try {
            queries.close(id, journalist);
            messages.success(redirect, "queries.flash.closed");
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/queries/" + id;
    }

    @PostMapping("/{id}/duplicate")
    String duplicate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String submissionKey, RedirectAttributes redirect) {
        QueryManagement.Saved copy = queries.duplicate(id, journalist(user), OneTimeKey.from(submissionKey));
        if (!copy.earlier()) {
            messages.success(redirect, "queries.flash.duplicated");
        }
        return "redirect:/queries/" + copy.id() + "/edit";
    }

    /** htmx: add or remove a question row without reloading the page. */
    @HxRequest
    @PostMapping("/form/questions")
    String questions(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") QueryForm form,
            BindingResult ignored, @RequestParam(required = false) Integer removeQuestion,
            @RequestParam(required = false) String addQuestion, Model model) {
        journalist(user);
        QueryForm changed = removeQuestion != null ? form.withQuestionRemoved(removeQuestion) : form.withQuestionAdded();
        replaceForm(changed, model);
        model.addAttribute("maxQuestions", QueryForm.MAX_QUESTIONS);
        return "queries/form :: questions";
    }

    private String afterSave(long id, AccountView journalist, boolean submitting, RedirectAttributes redirect) {
        if (!submitting) {
            messages.success(redirect, "queries.flash.draft-saved");
            return "redirect:/queries/" + id;
        }
        try {
            QueryStatus status = queries.submit(id, journalist);
            messages.success(redirect, status == QueryStatus.PUBLISHED ? "queries.flash.published"
                    : "queries.flash.sent-for-review");
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/queries/" + id;
    }

    /**
     * Before a save (without JavaScript the add/remove question buttons submit the whole form): the form again, with a question added or removed when the button asked for that, or with its
     * messages when it does not pass; null when it is ready to save.
     */
    private String formAgain(QueryForm form, BindingResult result, boolean submitting, Integer removeQuestion,
            String addQuestion, Long id, Model model) {
        if (removeQuestion != null || addQuestion != null) {
            QueryForm changed = removeQuestion != null ? form.withQuestionRemoved(removeQuestion) : form.withQuestionAdded();
            replaceForm(changed, model);
            return form(changed, id, model);
        }
        form.validate(result, submitting, clock);
        return result.hasErrors() ? form(form, id, model) : null;
    }

    /** A changed form must not be shown through the binding result of the submitted one. */
    private static void replaceForm(QueryForm changed, Model model) {
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
        model.addAttribute("form", changed);
    }

    private String form(QueryForm form, Long id, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("queryId", id);
        model.addAttribute("topics", topics.activeTopics());
        model.addAttribute("mediaTypes", MediaType.values());
        model.addAttribute("linkPolicies", LinkPolicy.values());
        model.addAttribute("maxQuestions", QueryForm.MAX_QUESTIONS);
        return "queries/form";
    }

    private QueryView ownQuery(CurrentUser user, long id) {
        QueryView query = queries.find(id).orElseThrow(QueryNotFoundException::new);
        if (query.journalistId() == null || query.journalistId() != user.id()) {
            throw new QueryNotFoundException();
        }
        return query;
    }

    /** Only journalists reach the pages that call this (SecurityConfiguration). */
    private AccountView journalist(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
