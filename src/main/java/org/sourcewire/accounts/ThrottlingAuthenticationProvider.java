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
 * reported only after the right password, so the message does not tell strangers who is suspended; an account logs in
 * only once its e-mail address is confirmed.
 */
@Component
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Accounts accounts;
    private final TransactionTemplate transactions;

    ThrottlingAuthenticationProvider(Accounts accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            TransactionTemplate transactions) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.transactions = transactions;
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
            if (!confirmed(result)) {
                // Told like a wrong password: else signing up with someone's address and logging in with the
                // password just chosen would show whether the address was free or taken.
                throw new BadCredentialsException("The e-mail address is not confirmed yet");
            }
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

    private boolean confirmed(Authentication authentication) {
        long id = ((CurrentUser) authentication.getPrincipal()).id();
        return Boolean.TRUE.equals(transactions.execute(status -> accounts.findById(id).map(Account::isVerified).orElse(false)));
    }

    private static void refuseSuspended(UserDetails user) {
        if (!user.isEnabled()) {
            throw new DisabledException("This account is suspended");
        }
    }
}
