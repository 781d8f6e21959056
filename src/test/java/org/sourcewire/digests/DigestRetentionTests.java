package org.sourcewire.digests;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.mail.Mailbox;
import org.sourcewire.queries.QueryMother;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edition's records go 60 days after it; a query still open keeps its items (so it is never sent twice), and the
 * unsubscribe link of a digest whose records are gone still works. Own time zone and dates, as in {@link DigestTests}.
 */
@ExtendWith(OwnDigestEditions.class)
class DigestRetentionTests extends IntegrationTest {

    private static final String ZONE = "Atlantic/Reykjavik";
    /** The first Monday after today (queries published now stay open for 25 days). */
    /**
     * An edition runs every zone's editions due by then, so these days (10, 11 and 17 after next Monday, business
     * days) are ones no other digest test uses: another test's edition of the same zone and day would already be
     * finished here, and send nothing to its sources. The queries stay open 28 days, past the last of them.
     */
    private static final LocalDate MONDAY = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    @Autowired
    DigestEditions editions;

    @Autowired
    DigestRetention retention;

    @Test
    void anOldEditionsRecordsGoButAnOpenQueryIsNotSentAgainAndTheUnsubscribeLinkStillWorks() throws Exception {
        long topic = sources.newTopic("Digest retention");
        CurrentUser source = accounts.source();
        long profile = sources.profile(source, ZONE);
        sources.subscribe(profile, topic);
        CurrentUser journalist = accounts.journalist();
        long closed = sources.publish(journalist, topic, "headline", "Retention closed query",
                "deadline", QueryMother.deadlineInHours(28 * 24));
        long open = sources.publish(journalist, topic, "headline", "Retention open query",
                "deadline", QueryMother.deadlineInHours(28 * 24));
        editions.runDue(at(MONDAY.plusDays(10), "05:35"));
        mailbox.deliver();
        List<MimeMessage> received = mailbox.receivedBy(source.email());
        assertThat(received).hasSize(1);
        String unsubscribe = Mailbox.link(received.get(0), "/digests/unsubscribe");
        long edition = jdbc.sql("select edition_id from digest_delivery where source_id = :source")
                .param("source", profile).query(Long.class).single();
        // The edition went out 62 days ago, and the first query closed 61 days ago; the other is still open.
        Instant longAgo = Instant.now().minus(Duration.ofDays(62));
        jdbc.sql("update digest_edition set due_at = :at, started_at = :at, finished_at = :at where id = :id")
                .param("at", Timestamp.from(longAgo)).param("id", edition).update();
        jdbc.sql("update journalist_query set status = 'EXPIRED', deadline = :at, closed_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(61)))).param("id", closed).update();

        assertThat(retention.purge(Instant.now())).isPositive();

        assertThat(count("select count(*) from digest_delivery where edition_id = :edition", edition)).isZero();
        assertThat(jdbc.sql("select query_id from digest_item where source_id = :source").param("source", profile)
                .query(Long.class).list()).as("the open query's item stays").containsExactly(open);
        assertThat(count("select count(*) from digest_edition where id = :edition", edition))
                .as("kept while an item names it").isOne();

        editions.runDue(at(MONDAY.plusDays(11), "05:35"));
        mailbox.deliver();
        assertThat(mailbox.receivedBy(source.email())).as("the open query is not sent again").hasSize(1);

        assertThat(mvc.post().uri(unsubscribe).contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click")).hasStatusOk().bodyText().contains("You are unsubscribed");

        // Once the open query has been closed for as long, the rest goes too, the edition with it.
        jdbc.sql("update journalist_query set status = 'EXPIRED', deadline = :at, closed_at = :at where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(61)))).param("id", open).update();
        retention.purge(Instant.now());
        assertThat(count("select count(*) from digest_item where edition_id = :edition", edition)).isZero();
        assertThat(count("select count(*) from digest_edition where id = :edition", edition)).isZero();
    }

    @Test
    void recentEditionsAndUnfinishedOnesStay() {
        long topic = sources.newTopic("Digest retention recent");
        CurrentUser source = accounts.source();
        long profile = sources.profile(source, ZONE);
        sources.subscribe(profile, topic);
        sources.publish(accounts.journalist(), topic, "headline", "Retention recent query",
                "deadline", QueryMother.deadlineInHours(28 * 24));
        editions.runDue(at(MONDAY.plusDays(17), "05:35"));
        long edition = jdbc.sql("select edition_id from digest_delivery where source_id = :source")
                .param("source", profile).query(Long.class).single();
        // Started 61 days ago and never finished (an instance died): a restart still has to continue it.
        jdbc.sql("update digest_edition set due_at = :at, started_at = :at, finished_at = null where id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(61)))).param("id", edition).update();

        retention.purge(Instant.now());

        assertThat(count("select count(*) from digest_delivery where edition_id = :edition", edition)).isOne();
        assertThat(count("select count(*) from digest_item where edition_id = :edition", edition)).isOne();
        jdbc.sql("update digest_edition set finished_at = due_at where id = :id").param("id", edition).update();
    }

    private long count(String sql, long edition) {
        return jdbc.sql(sql).param("edition", edition).query(Long.class).single();
    }

    private static Instant at(LocalDate date, String time) {
        return ZonedDateTime.of(date, LocalTime.parse(time), ZoneId.of(ZONE)).toInstant();
    }
}
