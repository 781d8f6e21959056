package org.sourcewire.accounts;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The time zone an account chose for itself, where the module that keeps it has one (a source's profile). Pages show
 * dates in it; without one, in the zone the browser reports. An interface here so that accounts needs no profiles.
 */
public interface ChosenTimeZone {

    Optional<ZoneId> of(CurrentUser user);
}
