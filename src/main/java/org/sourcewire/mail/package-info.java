/**
 * E-mail: an outbox written in the caller's transaction, HTML and text templates, and a background sender with
 * retries. Admins read the outbox at {@code /admin/outbox}.
 * <p>
 * Persistence: plain SQL: the outbox is claimed with {@code FOR UPDATE SKIP LOCKED}, which JPA does not say well.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = "shared")
package org.sourcewire.mail;
