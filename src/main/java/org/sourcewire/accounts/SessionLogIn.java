package org.sourcewire.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Logs an account in without the log-in form, for an account made a moment ago by someone who followed a link only
 * its address received (a profile a team prepared, accepted with a new password). Does what a form log-in does to
 * the session: a new session id (no fixation), the account in the session's security context (where Spring Session
 * indexes it by address, so {@link AccountSessions} can end it), and a new CSRF token.
 */
@Component
public class SessionLogIn {

    private final AccountManagement accounts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

    SessionLogIn(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /** Call after the transaction that made the account has committed; a suspended or unconfirmed one is refused. */
    public void logIn(long accountId, HttpServletRequest request, HttpServletResponse response) {
        CurrentUser user = accounts.currentUser(accountId);
        if (!user.isEnabled() || accounts.find(accountId).filter(AccountView::verified).isEmpty()) {
            throw new IllegalStateException("Account " + accountId + " may not log in");
        }
        user.eraseCredentials();
        request.getSession();
        request.changeSessionId();
        csrfTokens.saveToken(null, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
