package org.sourcewire.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up. A valid sign-up always gets the same answer, "check your e-mail", whether it made an account or the
 * address was taken (then its owner gets a mail), so the form does not tell strangers who is a member. The new
 * account logs in after confirming its address.
 */
@Controller
class SignUpController {

    private final SignUps accounts;
    private final MailRateLimits limits;

    SignUpController(SignUps accounts, MailRateLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    @GetMapping("/signup")
    String form(@RequestParam(required = false) String as, Model model) {
        model.addAttribute("form", SignUpForm.empty("source".equalsIgnoreCase(as) ? Role.SOURCE : Role.JOURNALIST));
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        form.validate(result);
        if (result.hasErrors() || MailLimitAnswers.refused(limits, form.email(), result, request, response)) {
            return "accounts/signup";
        }
        try {
            accounts.signUp(form.toSignUp());
        }
        catch (EmailAlreadyRegisteredException ex) {
            // A concurrent sign-up with this address made the account; this one answers like any other.
        }
        redirect.addFlashAttribute("email", form.email().strip());
        return "redirect:/signup/check-email";
    }

    @GetMapping("/signup/check-email")
    String checkEmail(Model model) {
        model.addAttribute("validity", accounts.verificationLinkValidity());
        return "accounts/signup-check-email";
    }
}
