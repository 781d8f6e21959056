/**
 * Sources: expert profiles with headshots, topic subscriptions, keyword alerts, and the public profile page with
 * schema.org JSON-LD; the admins' queue of the same headshot on different accounts.
 * <p>
 * Persistence: a profile is edited through its JPA entity ({@code SourceProfile}: the rules of an edit in one method,
 * a row lock and a version), created by one SQL insert (ON CONFLICT makes two first visits at once one profile, which
 * JPA cannot say) and read as {@link org.sourcewire.sources.ProfileView} records with SQL. Headshots, subscriptions
 * and keyword alerts are rows without behaviour, changed set-wise: plain SQL ({@code JdbcClient}) only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sources",
        allowedDependencies = { "shared", "accounts", "topics", "audit" })
package org.sourcewire.sources;
