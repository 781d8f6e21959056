package org.sourcewire.queries;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes queries at their deadline. ShedLock keeps the job to one instance at a time (the UPDATE is idempotent
 * anyway). The schedule only runs with scheduling enabled; the tests call the method themselves.
 */
@Component
class QueryJobs {

    private static final Logger log = LoggerFactory.getLogger(QueryJobs.class);

    private final QueryManagement queries;

    QueryJobs(QueryManagement queries) {
        this.queries = queries;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT20S")
    @SchedulerLock(name = "query-expiry", lockAtMostFor = "PT5M")
    void expireOverdueQueries() {
        int expired = queries.expireOverdue();
        if (expired > 0) {
            log.info("Expired {} queries whose deadline passed", expired);
        }
    }
}
