package org.sourcewire.sources;

import java.time.ZoneId;
import java.util.Optional;

import org.sourcewire.accounts.ChosenTimeZone;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.Role;
import org.sourcewire.shared.TimeZones;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A source's pages follow the zone in the profile (the one digests follow too); other roles have none. */
@Component
class ProfileTimeZone implements ChosenTimeZone {

    private final JdbcClient jdbc;

    ProfileTimeZone(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ZoneId> of(CurrentUser user) {
        if (!user.is(Role.SOURCE)) {
            return Optional.empty();
        }
        return jdbc.sql("select time_zone from source_profile where account_id = :account").param("account", user.id())
                .query(String.class).optional().flatMap(TimeZones::parse);
    }
}
