package org.sourcewire.accounts;

/**
 * An admin suspended the account. Published inside the suspension's transaction, so modules that must react at
 * once (closing the journalist's open queries) do so atomically.
 */
public record AccountSuspended(long accountId) {
}
