package org.sourcewire.outlets;

import jakarta.validation.Valid;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.outlets.OutletForms.OutletForm;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** A journalist's outlet verification (from account settings): what stands, and proposing a missing outlet. */
@Controller
@RequestMapping("/account/outlet")
class OutletProposalController {

    private final AccountManagement accounts;
    private final OutletProposals proposals;
    private final Verifications verifications;
    private final Messages messages;

    OutletProposalController(AccountManagement accounts, OutletProposals proposals, Verifications verifications,
            Messages messages) {
        this.accounts = accounts;
        this.proposals = proposals;
        this.verifications = verifications;
        this.messages = messages;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        AccountView journalist = journalist(user);
        model.addAttribute("form", new OutletForm(journalist.outletName(), journalist.outletUrl(), null));
        return page(journalist, model);
    }

    @PostMapping
    String propose(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") OutletForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        AccountView journalist = journalist(user);
        if (!result.hasErrors()) {
            try {
                proposals.propose(journalist, form.name(), form.website(), form.type());
                messages.success(redirect, "outlets.flash.proposed", form.name().strip());
                return "redirect:/account/outlet";
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        return page(journalist, model);
    }

    private String page(AccountView journalist, Model model) {
        model.addAttribute("journalist", journalist);
        model.addAttribute("checks", verifications.passed(journalist.id()));
        model.addAttribute("proposal", proposals.latest(journalist.id()).orElse(null));
        model.addAttribute("types", OutletType.values());
        return "outlets/propose";
    }

    private AccountView journalist(CurrentUser user) {
        return accounts.find(user.id()).filter(AccountView::isJournalist)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }
}
