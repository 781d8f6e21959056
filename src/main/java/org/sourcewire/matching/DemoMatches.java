package org.sourcewire.matching;

import java.sql.Timestamp;
import java.time.Clock;

import org.sourcewire.shared.DemoData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With demo data, matches the open demo queries once more after every other demo runner: the demo queries are
 * published (and matched) at start, possibly before the demo sources have profiles. Matching is idempotent.
 */
@Component
@Order(1000)
class DemoMatches implements ApplicationRunner {

    private final DemoData demoData;
    private final MatchingService matching;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoMatches(DemoData demoData, MatchingService matching, JdbcClient jdbc, Clock clock) {
        this.demoData = demoData;
        this.matching = matching;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled()) {
            return;
        }
        jdbc.sql("select id from journalist_query where status = 'PUBLISHED' and deadline > :now order by id limit 100")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list().forEach(matching::match);
    }
}
