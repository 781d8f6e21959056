/**
 * Domain-neutral helpers every module may use: the clock, words, signed links, site URLs, time zones, the fetcher
 * for addresses users give, the broken-rule exception, job locking and the upkeep of the event publication registry.
 * How the app runs (the database, replicas, sessions, plain reads, request mappings) is in {@code infrastructure}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", allowedDependencies = "infrastructure")
package org.sourcewire.shared;
