package org.sourcewire.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.sourcewire.accounts.PasswordForms.NewPasswordForm;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SignedTokens.TokenCheck;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Forgot password": ask for a link, then choose a new password on the linked page. */
@Controller
class PasswordResetController {

    private final Passwords accounts;
    private final MailRateLimits limits;
    private final Messages messages;

    PasswordResetController(Passwords accounts, MailRateLimits limits, Messages messages) {
        this.accounts = accounts;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/password-reset")
    String requestForm(Model model) {
        model.addAttribute("form", new AddressForm(""));
        return "accounts/password-reset-request";
    }

    @PostMapping("/password-reset")
    String request(@Valid @ModelAttribute("form") AddressForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        // Counted for unknown addresses too, so the answer is the same for members and strangers.
        if (result.hasErrors() || MailLimitAnswers.refused(limits, form.email(), result, request, response)) {
            return "accounts/password-reset-request";
        }
        accounts.requestPasswordReset(form.email());
        model.addAttribute("email", form.email().strip());
        return "accounts/password-reset-sent";
    }

    @GetMapping("/password-reset/new")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        Passwords.ResetLinkCheck check = accounts.checkResetLink(token);
        if (check.status() != TokenCheck.Status.VALID) {
            model.addAttribute("status", check.status());
            return "accounts/password-reset-invalid";
        }
        model.addAttribute("form", new NewPasswordForm(token, "", ""));
        return "accounts/password-reset-new";
    }

    @PostMapping("/password-reset/new")
    String reset(@ModelAttribute("form") NewPasswordForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Passwords.ResetLinkCheck check = accounts.checkResetLink(form.token());
        if (check.status() != TokenCheck.Status.VALID) {
            model.addAttribute("status", check.status());
            return "accounts/password-reset-invalid";
        }
        form.validate(check.email(), result);
        if (result.hasErrors() || !accounts.resetPassword(form.token(), form.password())) {
            return "accounts/password-reset-new";
        }
        messages.success(redirect, "accounts.flash.password-reset");
        return "redirect:/login";
    }
}
