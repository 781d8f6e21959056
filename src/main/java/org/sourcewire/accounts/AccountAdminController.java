package org.sourcewire.accounts;

import org.sourcewire.shared.Messages;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Admins find accounts and suspend or restore journalists and sources. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final AccountManagement accounts;
    private final AccountSuspensions suspensions;
    private final Messages messages;

    AccountAdminController(AccountManagement accounts, AccountSuspensions suspensions, Messages messages) {
        this.accounts = accounts;
        this.suspensions = suspensions;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("accounts", accounts.search(q, PageRequest.of(Math.max(page, 0), 25)));
        model.addAttribute("q", q);
        return "accounts/admin-list";
    }

    @PostMapping("/{id}/suspend")
    String suspend(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        AccountView account = accounts.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        if (account.isAdmin()) {
            messages.error(redirect, "accounts.flash.admin-not-suspendable");
        }
        else {
            suspensions.suspend(id, admin.actor());
            messages.success(redirect, account.isJournalist() ? "accounts.flash.suspended.journalist"
                    : "accounts.flash.suspended", account.email());
        }
        return "redirect:/admin/accounts?q=" + java.net.URLEncoder.encode(account.email(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping("/{id}/restore")
    String restore(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id, RedirectAttributes redirect) {
        AccountView account = accounts.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        suspensions.restore(id, admin.actor());
        messages.success(redirect, "accounts.flash.restored", account.email());
        return "redirect:/admin/accounts?q=" + java.net.URLEncoder.encode(account.email(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
