package org.sourcewire.web;

import jakarta.servlet.http.HttpServletRequest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;
import org.thymeleaf.context.LazyContextVariable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in account as {@code me} into every page's model, read fresh so the layout shows the current
 * name and verification state (the session keeps only the id). It is read only when a template uses it: a redirect
 * after a form, an htmx fragment without the layout or a JSON answer costs no database round trip for it.
 */
@ControllerAdvice
class CurrentAccountAdvice {

    private final AccountManagement accounts;

    CurrentAccountAdvice(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /**
     * For the layout, in one method (Spring MVC prepares each model attribute method of an advice on every request):
     * <ul>
     * <li>{@code currentPath}: for the navigation's "active" marks (Thymeleaf 3.1 no longer exposes the request to
     * templates);</li>
     * <li>{@code role}: the viewer's role ({@code SOURCE}, {@code JOURNALIST}, {@code ADMIN}) or null, read from the
     * session's user: cheaper than the Spring Security dialect's {@code sec:authorize}, which parses its expression
     * on every use (a dozen times per page);</li>
     * <li>{@code me}: the account, read only when a template uses it.</li>
     * </ul>
     */
    @ModelAttribute
    void layout(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("role", user == null ? null : user.role().name());
        model.addAttribute("me", new LazyContextVariable<AccountView>() {
            @Override
            protected AccountView loadValue() {
                return user == null ? null : accounts.find(user.id()).orElse(null);
            }
        });
    }
}
