package org.sourcewire.accounts;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class EmailVerificationController {

    private final AccountManagement accounts;

    EmailVerificationController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("result", accounts.verifyEmail(token));
        return "accounts/verify-email";
    }

    @PostMapping("/verify-email/resend")
    String resend(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        boolean sent = accounts.resendVerification(user.id());
        redirect.addFlashAttribute(sent ? "success" : "info",
                sent ? "We sent a new link to " + user.email() + "." : "Your e-mail address is already confirmed.");
        return "redirect:/dashboard";
    }

    @HxRequest
    @PostMapping("/verify-email/resend")
    String resendInline(@AuthenticationPrincipal CurrentUser user, Model model) {
        boolean sent = accounts.resendVerification(user.id());
        model.addAttribute("sent", sent);
        model.addAttribute("email", user.email());
        return "accounts/verify-email :: resent";
    }
}
