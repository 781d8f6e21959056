package org.sourcewire.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingTests extends IntegrationTest {

    @Autowired
    MatchingService matching;

    @Autowired
    TransactionTemplate transactions;

    CurrentUser journalist;
    /** This test's sources: other tests' alerts (the database is shared) may match these queries too. */
    List<Long> mine = new java.util.ArrayList<>();
    long sleep;
    long finance;

    @BeforeEach
    void topics() {
        journalist = accounts.journalist();
        sleep = sources.newTopic("Sleep");
        finance = sources.newTopic("Finance");
    }

    @Test
    void matchesTopicSubscribersAndAlertOwnersAndRecordsWhy() {
        long subscriber = profile(accounts.source());
        sources.subscribe(subscriber, sleep);
        long alertOwner = profile(accounts.source());
        sources.subscribe(alertOwner, finance);
        sources.alert(alertOwner, "Shift workers");
        long both = profile(accounts.source());
        sources.subscribe(both, sleep);
        sources.alert(both, "melatonin");
        sources.alert(both, "employers");
        long wrongOrder = profile(accounts.source());
        sources.alert(wrongOrder, "workers shift");
        long otherWords = profile(accounts.source());
        sources.subscribe(otherWords, finance);
        sources.alert(otherWords, "open banking");

        long query = sources.publish(journalist, sleep);

        Map<Long, Match> matches = matches(query);
        assertThat(matches).containsOnlyKeys(subscriber, alertOwner, both);
        assertThat(matches.get(subscriber)).isEqualTo(new Match(true, List.of()));
        assertThat(matches.get(alertOwner)).isEqualTo(new Match(false, List.of("Shift workers")));
        assertThat(matches.get(both)).isEqualTo(new Match(true, List.of("employers", "melatonin")));
    }

    @Test
    void anAlertWithTopicsMatchesOnlyQueriesInThoseTopics() {
        long filteredAway = profile(accounts.source());
        sources.alert(filteredAway, "melatonin", finance);
        long filteredIn = profile(accounts.source());
        sources.alert(filteredIn, "melatonin", finance, sleep);

        long query = sources.publish(journalist, sleep);

        assertThat(matches(query)).containsOnlyKeys(filteredIn);
    }

    @Test
    void unverifiedAndSuspendedSourcesAreNotMatched() {
        long unverified = profile(accounts.unverifiedSource());
        sources.subscribe(unverified, sleep);
        CurrentUser suspendedSource = accounts.source();
        long suspended = profile(suspendedSource);
        sources.subscribe(suspended, sleep);
        sources.alert(suspended, "melatonin");
        accounts.suspend(suspendedSource);
        long active = profile(accounts.source());
        sources.subscribe(active, sleep);

        assertThat(matches(sources.publish(journalist, sleep))).containsOnlyKeys(active);
    }

    @Test
    void matchingTheSameQueryAgainAddsNothing() {
        long subscriber = profile(accounts.source());
        sources.subscribe(subscriber, sleep);
        sources.alert(subscriber, "melatonin");
        long query = sources.publish(journalist, sleep);
        assertThat(matches(query)).hasSize(1);

        assertThat(matching.match(query)).isZero();
        assertThat(matching.match(query)).isZero();
        assertThat(jdbc.sql("select count(*) from query_match where query_id = :q and source_id = :s")
                .param("q", query).param("s", subscriber).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLateSubscriberGetsTheOpenQueriesOfTheTopic() {
        long query = sources.publish(journalist, sleep);
        long late = profile(accounts.source());
        sources.subscribe(late, sleep);

        assertThat(matching.subscribed(late, sleep)).isEqualTo(1);
        assertThat(matching.subscribed(late, sleep)).isZero();
        assertThat(matches(query)).containsOnlyKeys(late);
        assertThat(matching.subscribed(late, finance)).isZero();
    }

    @Test
    void keywordMatchingAsksTheGinIndexInsteadOfScanningAlerts() {
        long query = sources.publish(journalist, sleep);
        String plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain " + MatchingService.MATCH_ALERTS)
                    .param("query", query).param("now", new java.sql.Timestamp(0)).query(String.class).list());
        });
        assertThat(plan).contains("keyword_alert_lexemes_idx");
    }

    private long profile(CurrentUser source) {
        long id = sources.profile(source);
        mine.add(id);
        return id;
    }

    private Map<Long, Match> matches(long query) {
        return jdbc.sql("select source_id, by_topic, alert_phrases from query_match where query_id = :q and source_id in (:mine)")
                .param("q", query).param("mine", mine)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Match(rs.getBoolean(2),
                        Arrays.stream((String[]) rs.getArray(3).getArray()).sorted().toList())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    record Match(boolean byTopic, List<String> alertPhrases) {
    }
}
