package org.sourcewire.queries;

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

/** The journalist's query templates: save a query as one, list them, delete one. Starting from one is /queries/new. */
@Controller
class QueryTemplateController {

    private final QueryTemplates templates;
    private final AccountManagement accounts;
    private final Messages messages;

    QueryTemplateController(QueryTemplates templates, AccountManagement accounts, Messages messages) {
        this.templates = templates;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/queries/templates")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("templates", templates.of(journalist(user).id()));
        return "queries/templates";
    }

    @GetMapping("/queries/{id}/template")
    String form(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        QueryView query = templates.own(id, journalist(user));
        return page(query, query.headline(), null, model);
    }

    @PostMapping("/queries/{id}/template")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
        AccountView journalist = journalist(user);
        QueryView query = templates.own(id, journalist);
        try {
            templates.save(id, journalist, name);
        }
        catch (RuleException ex) {
            return page(query, name, messages.text(ex), model);
        }
        messages.success(redirect, "queries.flash.template-saved");
        return "redirect:/queries/templates";
    }

    @PostMapping("/queries/templates/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        templates.delete(id, journalist(user));
        messages.success(redirect, "queries.flash.template-deleted");
        return "redirect:/queries/templates";
    }

    private String page(QueryView query, String name, String problem, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("name", name);
        model.addAttribute("problem", problem);
        model.addAttribute("maxName", QueryTemplates.MAX_NAME);
        return "queries/template";
    }

    /** Only journalists reach these pages (SecurityConfiguration). */
    private AccountView journalist(CurrentUser user) {
        return accounts.find(user.id()).orElseThrow();
    }
}
