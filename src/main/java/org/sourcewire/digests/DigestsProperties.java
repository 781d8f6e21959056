package org.sourcewire.digests;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Digest settings: the local times of the three editions, how late an edition may still go out (after downtime),
 * how many sources one transaction handles, how long an unsubscribe link stays valid, and how many batches of one
 * edition are built at once ({@code workers}: each holds one batch's mails in memory and one database connection),
 * and how long an edition's records (who got it, which queries it carried) are kept ({@code retention}).
 */
@ConfigurationProperties("sourcewire.digests")
record DigestsProperties(LocalTime morning, LocalTime midday, LocalTime evening, Duration catchUp, int batchSize,
        Duration unsubscribeLinkValidity, int workers, Duration retention) {

    LocalTime timeOf(Edition edition) {
        return switch (edition) {
            case MORNING -> morning;
            case MIDDAY -> midday;
            case EVENING -> evening;
        };
    }
}
