package org.sourcewire.digests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SiteUrls;

import org.springframework.stereotype.Component;

/** Turns one batch's claimed digest items into mails, grouped by topic, queued in the outbox in the caller's transaction. */
@Component
class DigestMails {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final Outbox outbox;
    private final SiteUrls urls;
    private final UnsubscribeLinks unsubscribeLinks;
    private final Messages messages;
    private final Counter queued;

    DigestMails(Outbox outbox, SiteUrls urls, UnsubscribeLinks unsubscribeLinks, Messages messages,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.urls = urls;
        this.unsubscribeLinks = unsubscribeLinks;
        this.messages = messages;
        this.queued = Counter.builder("sourcewire.digests.queued").description("digest mails queued in the outbox")
                .register(meters);
    }

    /** Queues one mail per source of {@code rows} (ordered by source); returns how many. */
    int queue(String zoneId, LocalDate date, Edition edition, List<Row> rows, Instant now) {
        Map<Long, List<Row>> bySource = new LinkedHashMap<>();
        rows.forEach(row -> bySource.computeIfAbsent(row.sourceId(), id -> new ArrayList<>()).add(row));
        ZoneId zone = ZoneId.of(zoneId);
        String editionName = messages.text(edition.nameKey(), date.format(DAY));
        List<Email> mails = new ArrayList<>(bySource.size());
        for (List<Row> digest : bySource.values()) {
            Row first = digest.get(0);
            Map<String, List<DigestItem>> groups = new LinkedHashMap<>();
            digest.forEach(row -> groups.computeIfAbsent(row.topic(), topic -> new ArrayList<>())
                    .add(new DigestItem(row.headline(), DEADLINE.format(row.deadline().atZone(zone)) + " ("
                            + zoneId.replace('_', ' ') + ")", urls.link("/queries/" + row.queryId()))));
            String unsubscribe = unsubscribeLinks.link(first.sourceId(), now);
            mails.add(new Email(first.email(), Email.subject(edition.subjectKey(), digest.size()), "mail/digest",
                    Map.of("name", first.name(), "edition", editionName, "summary",
                            messages.text("digests.text.summary", digest.size()),
                            "groups", groups.entrySet().stream().map(g -> new TopicGroup(g.getKey(), g.getValue())).toList(),
                            "feedLink", urls.link("/feed"), "settingsLink", urls.link("/digests/settings"),
                            "unsubscribeLink", unsubscribe),
                    Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
                            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        }
        outbox.queueAll(mails);
        queued.increment(mails.size());
        return bySource.size();
    }

    /** One claimed query of one source's digest. */
    record Row(long sourceId, String email, String name, long queryId, String headline, String topic,
            Instant deadline) {
    }

    record TopicGroup(String topic, List<DigestItem> queries) {
    }

    record DigestItem(String headline, String deadline, String link) {
    }
}
