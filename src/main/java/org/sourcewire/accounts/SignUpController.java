package org.sourcewire.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SignUpController {

    private final AccountManagement accounts;
    private final SecurityContextHolderStrategy securityContexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository securityContextRepository = new HttpSessionSecurityContextRepository();

    SignUpController(AccountManagement accounts) {
        this.accounts = accounts;
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
        if (result.hasErrors()) {
            return "accounts/signup";
        }
        AccountView account;
        try {
            account = accounts.signUp(form.toSignUp());
        }
        catch (EmailAlreadyRegisteredException ex) {
            result.rejectValue("email", "taken",
                    "An account with this e-mail address already exists. Log in, or reset your password.");
            return "accounts/signup";
        }
        logIn(accounts.currentUser(account.id()), request, response);
        redirect.addFlashAttribute("success", "Welcome to Sourcewire, " + account.displayName()
                + "! We sent a link to " + account.email() + ": open it to confirm your address.");
        return "redirect:/dashboard";
    }

    /** Signs the new account in at once, in a fresh session id (no session fixation). */
    private void logIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = securityContexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        securityContexts.setContext(context);
        securityContextRepository.saveContext(context, request, response);
    }
}
