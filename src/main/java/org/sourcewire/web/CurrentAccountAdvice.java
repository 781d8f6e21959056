package org.sourcewire.web;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in account as {@code me} into every page's model, read fresh so the layout shows the current
 * name and verification state (the session keeps only the id).
 */
@ControllerAdvice
class CurrentAccountAdvice {

    private final AccountManagement accounts;

    CurrentAccountAdvice(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /** For the navigation's "active" marks (Thymeleaf 3.1 no longer exposes the request to templates). */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * The viewer's role ({@code SOURCE}, {@code JOURNALIST}, {@code ADMIN}) or null, for the navigation. Read from
     * the session's user: cheaper than the Spring Security dialect's {@code sec:authorize}, which parses its
     * expression on every use (a dozen times per page).
     */
    @ModelAttribute("role")
    String role(@AuthenticationPrincipal CurrentUser user) {
        return user == null ? null : user.role().name();
    }

    @ModelAttribute("me")
    AccountView me(@AuthenticationPrincipal CurrentUser user) {
        return user == null ? null : accounts.find(user.id()).orElse(null);
    }
}
