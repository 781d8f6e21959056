/**
 * E-mail: an outbox written in the caller's transaction, HTML and text templates, and a background sender with
 * retries. Admins read the outbox at {@code /admin/outbox}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = "shared")
package org.sourcewire.mail;
