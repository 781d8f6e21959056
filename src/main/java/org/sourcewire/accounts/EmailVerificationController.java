package org.sourcewire.accounts;

import java.util.Optional;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.sourcewire.shared.Messages;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class EmailVerificationController {

    private final AccountManagement accounts;
    private final SignUps signUps;
    private final MailRateLimits limits;
    private final Messages messages;

    EmailVerificationController(AccountManagement accounts, SignUps signUps, MailRateLimits limits,
            Messages messages) {
        this.accounts = accounts;
        this.signUps = signUps;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        SignUps.Verification verification = signUps.verifyEmail(token);
        model.addAttribute("result", verification.result());
        model.addAttribute("email", verification.email());
        return "accounts/verify-email";
    }

    @GetMapping("/verify-email/new-link")
    String newLinkForm(Model model) {
        model.addAttribute("form", new AddressForm(""));
        return "accounts/verify-email-new-link";
    }

    /** For an account that cannot log in yet: the same answer for every address, within the mail limits. */
    @PostMapping("/verify-email/new-link")
    String newLink(@Valid @ModelAttribute("form") AddressForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (result.hasErrors() || MailLimitAnswers.refused(limits, form.email(), result, request, response)) {
            return "accounts/verify-email-new-link";
        }
        signUps.requestVerificationLink(form.email());
        model.addAttribute("email", form.email().strip());
        model.addAttribute("validity", signUps.verificationLinkValidity());
        return "accounts/verify-email-new-link-sent";
    }

    @PostMapping("/verify-email/resend")
    String resend(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes redirect) {
        Resent resent = resend(user, request);
        redirect.addFlashAttribute(resent.kind(), resent.message());
        return "redirect:/dashboard";
    }

    @HxRequest
    @PostMapping("/verify-email/resend")
    String resendInline(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("message", resend(user, request).message());
        return "accounts/verify-email :: resent";
    }

    private Resent resend(CurrentUser user, HttpServletRequest request) {
        if (accounts.find(user.id()).map(AccountView::verified).orElse(true)) {
            return new Resent("info", messages.text("accounts.flash.address-already-confirmed"));
        }
        Optional<MailRateLimits.Refusal> refusal = limits.tryAcquire(request.getRemoteAddr(), user.email());
        if (refusal.isPresent()) {
            return new Resent("error", messages.text(refusal.get()));
        }
        return signUps.resendVerification(user.id())
                ? new Resent("success", messages.text("accounts.flash.link-resent", user.email()))
                : new Resent("info", messages.text("accounts.flash.address-already-confirmed"));
    }

    /** What a re-send did: the flash attribute's name and the words. */
    private record Resent(String kind, String message) {
    }
}
