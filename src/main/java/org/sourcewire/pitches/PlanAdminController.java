package org.sourcewire.pitches;

import java.util.Arrays;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page that puts sources on plans, which raise their pitch quotas (never their rank). */
@Controller
@RequestMapping("/admin/plans")
class PlanAdminController {

    private static final int PAGE_SIZE = 25;

    private final Plans plans;
    private final Messages messages;

    PlanAdminController(Plans plans, Messages messages) {
        this.plans = plans;
        this.messages = messages;
    }

    /**
     * The plan is bound as text and read here, so a value that is no plan gets its message beside the select while the
     * e-mail address is still validated (an enum that fails to convert would leave the form unvalidated).
     */
    record PlanForm(@NotBlank(message = "{validation.enter-the-source-s-e-mail-address}")
                    @Email(message = "{validation.enter-an-e-mail-address-such-as}")
                    @Size(max = 320, message = "{validation.an-e-mail-address-has-at-most}") String email,
                    @NotBlank(message = "{validation.choose-a-plan}") String plan) {

        Optional<Plan> chosen() {
            return Arrays.stream(Plan.values()).filter(value -> value.name().equals(plan)).findFirst();
        }
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("offers", plans.offers());
        model.addAttribute("holders", plans.holders(PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PlanForm("", Plan.STANDARD.name()));
        }
        return "pitches/plans";
    }

    @PostMapping
    String assign(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("form") PlanForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Optional<Plan> plan = form.chosen();
        if (plan.isEmpty() && !result.hasFieldErrors("plan")) {
            result.rejectValue("plan", "pitches.rule.unknown-plan");
        }
        if (!result.hasErrors()) {
            try {
                AccountView source = plans.assign(form.email(), plan.get(), admin.actor());
                messages.success(redirect, "pitches.flash.plan-assigned", source.email(),
                        messages.text(plan.get().labelKey()));
                return "redirect:/admin/plans";
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        return list(0, model);
    }
}
