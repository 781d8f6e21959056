package org.sourcewire.accounts;

/**
 * An account's e-mail address was confirmed (by its link, or at creation for demo and test accounts). Handled inside
 * the confirming transaction, so checks that depend on the address (an outlet's domain) stand by the next page.
 */
public record EmailConfirmed(long accountId, String email, Role role) {
}
