package org.sourcewire.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.pitches.PitchReport;
import org.sourcewire.pitches.PitchReports;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The moderators' queue of open reports on pitches, oldest first: uphold (a strike) or dismiss. Admins only. */
@Controller
@RequestMapping("/admin/reports")
class ReportAdminController {

    private final PitchReports reports;
    private final StrikeManagement strikes;
    private final Messages messages;

    ReportAdminController(PitchReports reports, StrikeManagement strikes, Messages messages) {
        this.reports = reports;
        this.strikes = strikes;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("reports", reports.open(PageRequest.of(Math.max(page, 0), 25)));
        return "moderation/reports";
    }

    @PostMapping("/{id}/uphold")
    String uphold(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @ModelAttribute UpholdForm form, BindingResult result, RedirectAttributes redirect) {
        PitchReport report = report(id);
        if (result.hasErrors()) {
            messages.error(redirect, "moderation.flash.uphold-note-too-long");
            return "redirect:/admin/reports";
        }
        try {
            StrikeManagement.Outcome outcome = strikes.uphold(id, form.note(), admin.actor());
            messages.success(redirect, switch (outcome) {
                case STRUCK -> "moderation.flash.upheld-struck";
                case SUSPENDED -> "moderation.flash.upheld-suspended";
                case ALREADY_STRUCK -> "moderation.flash.upheld-already-struck";
            }, report.source());
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/admin/reports";
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        PitchReport report = report(id);
        try {
            strikes.dismiss(id, admin.actor());
            messages.success(redirect, "moderation.flash.dismissed", report.source());
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/admin/reports";
    }

    private PitchReport report(long id) {
        return reports.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    /** @param note the reason shown to the source; blank uses the report's reason */
    record UpholdForm(@Size(max = 500) String note) {
    }
}
