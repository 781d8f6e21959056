package org.sourcewire.topics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Admin pages for the topic list. */
@Controller
@RequestMapping("/admin/topics")
class TopicAdminController {

    private final TopicCatalog catalog;
    private final Messages messages;

    TopicAdminController(TopicCatalog catalog, Messages messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("topics", catalog.adminRows());
        if (!model.containsAttribute("newTopic")) {
            model.addAttribute("newTopic", new NameForm(""));
        }
        return "topics/admin-list";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("newTopic") NameForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                TopicView topic = catalog.create(form.name(), admin.actor());
                messages.success(redirect, "topics.flash.created", topic.name());
                return "redirect:/admin/topics";
            }
            catch (RuleException ex) {
                ex.rejectIn(result, "name");
            }
        }
        return list(model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        TopicCatalog.TopicAdminRow topic = row(id);
        model.addAttribute("topic", topic);
        if (!model.containsAttribute("rename")) {
            model.addAttribute("rename", new NameForm(topic.name()));
        }
        if (!model.containsAttribute("merge")) {
            model.addAttribute("merge", new MergeForm(null));
        }
        model.addAttribute("targets", catalog.activeTopics().stream().filter(t -> t.id() != id).toList());
        return "topics/admin-edit";
    }

    @PostMapping("/{id}/rename")
    String rename(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @ModelAttribute("rename") NameForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        row(id);
        if (!result.hasErrors()) {
            try {
                catalog.rename(id, form.name(), admin.actor());
                messages.success(redirect, "topics.flash.renamed", form.name().strip());
                return "redirect:/admin/topics";
            }
            catch (RuleException ex) {
                ex.rejectIn(result, "name");
            }
        }
        return edit(id, model);
    }

    @PostMapping("/{id}/merge")
    String merge(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @ModelAttribute("merge") MergeForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        TopicCatalog.TopicAdminRow topic = row(id);
        if (!result.hasErrors()) {
            try {
                catalog.merge(id, form.into(), admin.actor());
                messages.success(redirect, "topics.flash.merged", topic.name(),
                        catalog.find(form.into()).map(TopicView::name).orElse("?"));
                return "redirect:/admin/topics";
            }
            catch (RuleException ex) {
                ex.rejectIn(result, "into");
            }
        }
        return edit(id, model);
    }

    @PostMapping("/{id}/retire")
    String retire(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        TopicCatalog.TopicAdminRow topic = row(id);
        catalog.retire(id, admin.actor());
        messages.success(redirect, "topics.flash.retired", topic.name());
        return "redirect:/admin/topics";
    }

    @PostMapping("/{id}/restore")
    String restore(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        TopicCatalog.TopicAdminRow topic = row(id);
        catalog.restore(id, admin.actor());
        messages.success(redirect, "topics.flash.restored", topic.name());
        return "redirect:/admin/topics";
    }

    private TopicCatalog.TopicAdminRow row(long id) {
        return catalog.adminRows().stream().filter(topic -> topic.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    record NameForm(
            @NotBlank(message = "{validation.enter-a-name}")
            @Size(max = 60, message = "{validation.use-at-most-60-characters}")
            String name) {
    }

    record MergeForm(@NotNull(message = "{validation.choose-the-topic-to-merge-into}") Long into) {
    }
}
