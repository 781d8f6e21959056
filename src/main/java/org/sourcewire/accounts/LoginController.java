package org.sourcewire.accounts;

import org.sourcewire.shared.Messages;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log-in page; Spring Security's form log-in handles the POST and sends failures back here with a reason. */
@Controller
class LoginController {

    private final Messages messages;

    LoginController(Messages messages) {
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) Long wait,
            @RequestParam(required = false) Long seconds, Authentication authentication, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/dashboard";
        }
        if (error != null) {
            model.addAttribute("loginError", switch (error) {
                case "throttled" -> wait == null ? messages.text("accounts.text.login-throttled.few-minutes")
                        : messages.text("accounts.text.login-throttled", wait);
                case "slowed" -> messages.text("accounts.text.login-slowed", waitText(seconds));
                case "suspended" -> messages.text("accounts.text.login-suspended");
                default -> messages.text("accounts.text.login-failed");
            });
        }
        return "accounts/login";
    }

    private String waitText(Long seconds) {
        if (seconds == null || seconds < 1) {
            return messages.text("accounts.text.wait.few-seconds");
        }
        if (seconds < 60) {
            return messages.text("accounts.text.wait.seconds", seconds);
        }
        return messages.text("accounts.text.wait.minutes", (seconds + 59) / 60);
    }
}
