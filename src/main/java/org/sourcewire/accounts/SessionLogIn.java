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
 * Logs in, without the log-in form, an account made a moment ago for someone who followed a link only its address
 * received: a profile a team set up for them, taken with a new password ({@link AccountManagement#createConfirmedSource}).
 * That is its only use, and why it takes a {@link NewAccount}, which only that method makes: no other module can log
 * in an account of its choosing. Does what a form log-in does to the session: a new session id (no fixation), the
 * account in the session's security context (where Spring Session indexes it by address, so {@link AccountSessions}
 * can end it), and a new CSRF token.
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
    public void logIn(NewAccount account, HttpServletRequest request, HttpServletResponse response) {
        long accountId = account.view().id();
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
