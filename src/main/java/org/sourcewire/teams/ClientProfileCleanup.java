package org.sourcewire.teams;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the profiles set up for clients whose invitations expired unused: nothing of theirs is kept after that. */
@Component
@ConditionalOnBooleanProperty(name = "sourcewire.scheduling.enabled", matchIfMissing = true)
class ClientProfileCleanup {

    private static final Logger log = LoggerFactory.getLogger(ClientProfileCleanup.class);

    private final ClientProfiles profiles;

    ClientProfileCleanup(ClientProfiles profiles) {
        this.profiles = profiles;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT9M")
    @SchedulerLock(name = "team-client-profile-cleanup")
    void deleteExpired() {
        int deleted = profiles.purgeClosed();
        if (deleted > 0) {
            log.info("Deleted {} profiles set up for clients whose invitations expired", deleted);
        }
    }
}
