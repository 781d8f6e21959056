package org.sourcewire.accounts;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Form log-in against the accounts table, refused or slowed while {@link LoginThrottle} says so. A suspended account is
 * reported only after the right password, so the message does not tell strangers who is suspended.
 */
@Component
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottlingAuthenticationProvider(Accounts accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            TransactionTemplate transactions) {
        this.throttle = throttle;
        this.delegate = new DaoAuthenticationProvider(email -> transactions.execute(status -> accounts.findByAddress(email)
                .map(Account::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("No account for " + email))));
        this.delegate.setPasswordEncoder(passwordEncoder);
        this.delegate.setPreAuthenticationChecks(user -> {
        });
        this.delegate.setPostAuthenticationChecks(ThrottlingAuthenticationProvider::refuseSuspended);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        LoginThrottle.Attempt attempt = throttle.admit(email, address);
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(attempt);
            return result;
        }
        catch (BadCredentialsException ex) {
            throttle.failed(attempt);
            throw ex;
        }
        catch (RuntimeException ex) {
            throttle.release(attempt);
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static void refuseSuspended(UserDetails user) {
        if (!user.isEnabled()) {
            throw new DisabledException("This account is suspended");
        }
    }
}
