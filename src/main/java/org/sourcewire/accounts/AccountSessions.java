package org.sourcewire.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Ends an account's logged-in sessions, after a password change or a suspension. */
@Component
class AccountSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /**
     * Deletes the account's sessions (Spring Session indexes them by principal name), except {@code keepSessionId}.
     * Each deletion commits on its own (Spring Session's writes run in a new transaction), so a session is gone
     * even before the password change commits; if that change then fails, the owner only has to log in again.
     */
    void end(String email, String keepSessionId) {
        sessions.ifAvailable(repository -> repository.findByPrincipalName(email).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(repository::deleteById));
    }
}
