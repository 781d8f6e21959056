/**
 * Delivery: a source's matched queries where they work, outside the site. A private RSS or Atom feed at an address
 * with a revocable token, and an outgoing webhook (Slack- or Microsoft Teams-shaped JSON) for each new match, sent
 * through an outbox of its own with retries, once per match, to public addresses only ({@code shared.SafeFetcher}).
 * Reads matches through the matching module's service and its {@code source_match} view.
 * <p>
 * Persistence: plain SQL: feed tokens and webhook messages are claimed and leased set-wise.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery",
        allowedDependencies = { "shared", "accounts", "matching" })
package org.sourcewire.delivery;
