package org.sourcewire.shared;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes completed event publications after {@code sourcewire.events.completed-retention}. Modulith keeps them
 * (completion mode UPDATE) so a test or an operator can see that a listener ran; deleting at completion instead would
 * lose that. Failed and unfinished publications stay until they are completed.
 */
@Component
class EventPublicationRetention {

    private final CompletedEventPublications completed;
    private final EventsProperties properties;

    EventPublicationRetention(CompletedEventPublications completed, EventsProperties properties) {
        this.completed = completed;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT6M")
    @SchedulerLock(name = "event-publication-retention", lockAtMostFor = "PT50M")
    public void run() {
        completed.deletePublicationsOlderThan(properties.completedRetention());
    }
}
