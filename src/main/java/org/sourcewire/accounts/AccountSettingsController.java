package org.sourcewire.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.sourcewire.accounts.PasswordForms.ChangePasswordForm;
import org.sourcewire.shared.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account settings: name (and outlet for journalists) and password. */
@Controller
@RequestMapping("/account")
class AccountSettingsController {

    private final AccountManagement accounts;
    private final Passwords passwords;
    private final Messages messages;

    AccountSettingsController(AccountManagement accounts, Passwords passwords, Messages messages) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.messages = messages;
    }

    @GetMapping
    String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
        AccountView account = accounts.find(user.id()).orElseThrow();
        model.addAttribute("details", AccountDetailsForm.of(account));
        model.addAttribute("passwordForm", new ChangePasswordForm("", "", ""));
        return "accounts/settings";
    }

    @PostMapping("/details")
    String updateDetails(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("details") AccountDetailsForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        form.validate(user.role(), result);
        if (result.hasErrors()) {
            model.addAttribute("passwordForm", new ChangePasswordForm("", "", ""));
            return "accounts/settings";
        }
        accounts.updateDetails(user.id(), form.displayName(), form.outletName(), form.outletUrl());
        messages.success(redirect, "accounts.flash.details-saved");
        return "redirect:/account";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("passwordForm") ChangePasswordForm form, BindingResult result, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        form.validate(user.email(), result);
        HttpSession session = request.getSession(false);
        if (!result.hasErrors() && !passwords.changePassword(user.id(), form.currentPassword(), form.password(),
                session == null ? null : session.getId())) {
            result.rejectValue("currentPassword", "validation.that-is-not-your-current-password");
        }
        if (result.hasErrors()) {
            model.addAttribute("details", AccountDetailsForm.of(accounts.find(user.id()).orElseThrow()));
            return "accounts/settings";
        }
        if (session != null) {
            // A session id seen before the change (e.g. by a shoulder surfer or a shared computer) no longer works.
            request.changeSessionId();
        }
        messages.success(redirect, "accounts.flash.password-changed");
        return "redirect:/account";
    }
}
