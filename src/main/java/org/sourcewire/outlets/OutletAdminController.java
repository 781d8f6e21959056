package org.sourcewire.outlets;

import jakarta.validation.Valid;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.outlets.OutletForms.ConfirmForm;
import org.sourcewire.outlets.OutletForms.DomainForm;
import org.sourcewire.outlets.OutletForms.EditForm;
import org.sourcewire.outlets.OutletForms.OutletForm;
import org.sourcewire.outlets.OutletForms.ReasonForm;
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

/** The outlet registry for admins: the list with search, add, edit, domains, proposals, confirming a journalist. */
@Controller
@RequestMapping("/admin/outlets")
class OutletAdminController {

    private final OutletRegistry registry;
    private final OutletProposals proposals;
    private final OutletConfirmations confirmations;
    private final AccountManagement accounts;
    private final Verifications verifications;
    private final Messages messages;

    OutletAdminController(OutletRegistry registry, OutletProposals proposals, OutletConfirmations confirmations,
            AccountManagement accounts, Verifications verifications, Messages messages) {
        this.registry = registry;
        this.proposals = proposals;
        this.confirmations = confirmations;
        this.accounts = accounts;
        this.verifications = verifications;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(name = "proposals", defaultValue = "0") int proposalPage, Model model) {
        model.addAttribute("outlets", registry.search(q, PageRequest.of(Math.max(page, 0), 25)));
        model.addAttribute("proposals", proposals.pending(PageRequest.of(Math.max(proposalPage, 0), 20)));
        model.addAttribute("q", q);
        return "outlets/admin-list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", OutletForm.empty());
        model.addAttribute("types", OutletType.values());
        return "outlets/admin-new";
    }

    @PostMapping("/new")
    String add(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("form") OutletForm form,
            BindingResult result, @RequestParam(defaultValue = "false") boolean confirmed, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = registry.add(form.name(), form.type(), form.website(), confirmed, admin.actor());
                messages.success(redirect, "outlets.flash.added", form.name().strip());
                return "redirect:/admin/outlets/" + id;
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        model.addAttribute("types", OutletType.values());
        return "outlets/admin-new";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        OutletView outlet = outlet(id);
        model.addAttribute("form", new EditForm(outlet.name(), outlet.type()));
        model.addAttribute("domainForm", new DomainForm(""));
        return outletPage(outlet, model);
    }

    @PostMapping("/{id}")
    String save(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @ModelAttribute("form") EditForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        OutletView outlet = outlet(id);
        if (!result.hasErrors()) {
            try {
                registry.edit(id, form.name(), form.type(), admin.actor());
                messages.success(redirect, "outlets.flash.saved", form.name().strip());
                return "redirect:/admin/outlets/" + id;
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        model.addAttribute("domainForm", new DomainForm(""));
        return outletPage(outlet, model);
    }

    @PostMapping("/{id}/domains")
    String addDomain(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @ModelAttribute("domainForm") DomainForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        OutletView outlet = outlet(id);
        if (!result.hasErrors()) {
            try {
                registry.addDomain(id, form.domain(), admin.actor());
                messages.success(redirect, "outlets.flash.domain-added");
                return "redirect:/admin/outlets/" + id;
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        model.addAttribute("form", new EditForm(outlet.name(), outlet.type()));
        return outletPage(outlet, model);
    }

    @PostMapping("/{id}/domains/{domainId}/confirm")
    String confirmDomain(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, @PathVariable long domainId,
            RedirectAttributes redirect) {
        try {
            int verified = registry.confirmDomain(id, domainId, admin.actor());
            messages.success(redirect, "outlets.flash.domain-confirmed", verified);
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/admin/outlets/" + id;
    }

    @PostMapping("/proposals/{id}/accept")
    String accept(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        try {
            long outlet = proposals.accept(id, admin.actor());
            messages.success(redirect, "outlets.flash.proposal-accepted");
            return "redirect:/admin/outlets/" + outlet;
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
            return "redirect:/admin/outlets";
        }
    }

    @GetMapping("/proposals/{id}/reject")
    String rejectForm(@PathVariable long id, Model model) {
        model.addAttribute("proposal", pendingProposal(id));
        model.addAttribute("form", new ReasonForm(""));
        return "outlets/admin-reject";
    }

    @PostMapping("/proposals/{id}/reject")
    String rejectProposal(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id,
            @Valid @ModelAttribute("form") ReasonForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        OutletProposal proposal = pendingProposal(id);
        if (result.hasErrors()) {
            model.addAttribute("proposal", proposal);
            return "outlets/admin-reject";
        }
        try {
            proposals.reject(id, form.reason(), admin.actor());
            messages.success(redirect, "outlets.flash.proposal-rejected", proposal.name());
        }
        catch (RuleException ex) {
            messages.error(redirect, ex);
        }
        return "redirect:/admin/outlets";
    }

    /** A journalist's outlet, their checks with the admins' notes, and the form to confirm it by hand. */
    @GetMapping("/journalists/{accountId}")
    String journalist(@PathVariable long accountId, Model model) {
        model.addAttribute("form", new ConfirmForm("", "true"));
        return journalistPage(accountId, model);
    }

    @PostMapping("/journalists/{accountId}")
    String confirmJournalist(@AuthenticationPrincipal CurrentUser admin, @PathVariable long accountId,
            @Valid @ModelAttribute("form") ConfirmForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                confirmations.decide(accountId, form.confirms(), form.note(), admin.actor());
                messages.success(redirect, form.confirms() ? "outlets.flash.journalist-confirmed"
                        : "outlets.flash.journalist-withdrawn");
                return "redirect:/admin/outlets/journalists/" + accountId;
            }
            catch (RuleException ex) {
                ex.rejectIn(result);
            }
        }
        return journalistPage(accountId, model);
    }

    private String journalistPage(long accountId, Model model) {
        AccountView journalist = accounts.find(accountId).filter(AccountView::isJournalist)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("journalist", journalist);
        model.addAttribute("history", verifications.history(accountId));
        model.addAttribute("proposal", proposals.latest(accountId).orElse(null));
        return "outlets/admin-journalist";
    }

    private String outletPage(OutletView outlet, Model model) {
        model.addAttribute("outlet", outlet);
        model.addAttribute("types", OutletType.values());
        return "outlets/admin-edit";
    }

    private OutletView outlet(long id) {
        return registry.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

    private OutletProposal pendingProposal(long id) {
        return proposals.findPending(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
    }

}
