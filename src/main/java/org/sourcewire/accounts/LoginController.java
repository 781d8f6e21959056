package org.sourcewire.accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log-in page; Spring Security's form log-in handles the POST and sends failures back here with a reason. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) Long wait,
            @RequestParam(required = false) Long seconds, Authentication authentication, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/dashboard";
        }
        if (error != null) {
            model.addAttribute("loginError", switch (error) {
                case "throttled" -> "Too many failed attempts. For your security, log-in is paused for "
                        + (wait == null ? "a few" : wait) + (wait != null && wait == 1 ? " minute" : " minutes")
                        + ". You can reset your password meanwhile.";
                case "slowed" -> "Many failed log-ins came from your network, so log-ins from it are slowed down for a while. "
                        + "Wait " + waitText(seconds) + ", then try again.";
                case "suspended" -> "This account is suspended. Write to the Sourcewire moderators if you think this is a mistake.";
                default -> "That e-mail address and password don't match, or the address is not confirmed yet. Check both "
                        + "and try again; a new account logs in once its address is confirmed by the link we e-mailed.";
            });
        }
        return "accounts/login";
    }

    private static String waitText(Long seconds) {
        if (seconds == null || seconds < 1) {
            return "a few seconds";
        }
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
