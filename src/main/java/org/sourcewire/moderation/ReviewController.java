package org.sourcewire.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.JournalistHistories;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue of queries waiting for review, oldest first; approve publishes, reject needs a reason. */
@Controller
class ReviewController {

    private final QueryManagement queries;
    private final JournalistHistories histories;
    private final Messages messages;

    ReviewController(QueryManagement queries, JournalistHistories histories, Messages messages) {
        this.queries = queries;
        this.histories = histories;
        this.messages = messages;
    }

    @GetMapping("/admin/review")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<QueryView> pending = queries.pendingReview(PageRequest.of(Math.max(page, 0), 10));
        model.addAttribute("pending", pending);
        model.addAttribute("histories", histories.of(pending.getContent()));
        model.addAttribute("autoApprove", queries.autoApproveVerifiedOutlets());
        return "moderation/review";
    }

    @PostMapping("/admin/review/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        QueryView query = pending(id);
        if (query == null) {
            messages.error(redirect, "moderation.flash.query-not-pending");
            return "redirect:/admin/review";
        }
        try {
            queries.approve(id, admin.actor());
            messages.success(redirect, "moderation.flash.published", query.headline());
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/admin/review";
    }

    @GetMapping("/admin/review/{id}/reject")
    String rejectForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        QueryView query = pending(id);
        if (query == null) {
            messages.error(redirect, "moderation.flash.query-not-pending");
            return "redirect:/admin/review";
        }
        model.addAttribute("query", query);
        model.addAttribute("form", new RejectForm(""));
        return "moderation/reject";
    }

    @PostMapping("/admin/review/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @ModelAttribute("form") RejectForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        QueryView query = pending(id);
        if (query == null) {
            messages.error(redirect, "moderation.flash.query-not-pending");
            return "redirect:/admin/review";
        }
        if (result.hasErrors()) {
            model.addAttribute("query", query);
            return "moderation/reject";
        }
        queries.reject(id, form.reason(), admin.actor());
        messages.success(redirect, "moderation.flash.rejected", query.headline());
        return "redirect:/admin/review";
    }

    @PostMapping("/admin/review/settings")
    String settings(@AuthenticationPrincipal CurrentUser admin, @RequestParam(defaultValue = "false") boolean autoApprove,
            RedirectAttributes redirect) {
        queries.setAutoApproveVerifiedOutlets(autoApprove, admin.actor());
        messages.success(redirect, autoApprove ? "moderation.flash.auto-approve-on" : "moderation.flash.auto-approve-off");
        return "redirect:/admin/review";
    }

    private QueryView pending(long id) {
        return queries.find(id).filter(query -> query.status().name().equals("PENDING_REVIEW")).orElse(null);
    }

    record RejectForm(
            @NotBlank(message = "{validation.give-the-journalist-a-reason}")
            @Size(max = 500, message = "{validation.use-at-most-500-characters}")
            String reason) {
    }
}
