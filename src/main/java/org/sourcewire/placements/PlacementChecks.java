package org.sourcewire.placements;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.pitches.PitchManagement;
import org.sourcewire.pitches.PitchViews;
import org.sourcewire.placements.ArticleReading.LinkKind;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SafeFetcher;
import org.sourcewire.shared.SiteUrls;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads placements' articles: at once when the journalist confirms one, then on the schedule of
 * {@code sourcewire.placements.recheck-after}. A checker first claims a bounded batch with a lease ({@code for update
 * skip locked}), so two app instances, or the job and the check right after a confirmation, never read one placement
 * twice; the fetches run outside any transaction; each reading is stored, with the source's mail when their link
 * appeared, changed kind or went, in one short transaction.
 */
@Service
class PlacementChecks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlacementChecks.class);

    /**
     * What a checker claimed: enough to read the article and to compare with the last reading, and the claim's lease,
     * which the reading is stored under only while it is still this claim's.
     */
    private record Claimed(long id, long pitchId, String articleUrl, int round, int failures, Instant confirmedAt,
            Instant checkedAt, LinkKind linkKind, Timestamp claimedUntil) {
    }

    private final SafeFetcher fetcher;
    private final PitchManagement pitches;
    private final AccountManagement accounts;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final PlacementsProperties properties;
    private final Messages messages;
    private final Clock clock;
    private final ThreadPoolTaskExecutor executor;
    private final Counter read;
    private final Counter unreadable;

    PlacementChecks(SafeFetcher fetcher, PitchManagement pitches, AccountManagement accounts, Outbox outbox,
            SiteUrls urls, JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json,
            PlacementsProperties properties, Messages messages, Clock clock, MeterRegistry meters) {
        this.fetcher = fetcher;
        this.pitches = pitches;
        this.accounts = accounts;
        this.outbox = outbox;
        this.urls = urls;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
        this.executor = new ThreadPoolTaskExecutorBuilder().corePoolSize(properties.concurrency())
                .maxPoolSize(properties.concurrency()).allowCoreThreadTimeOut(true).threadNamePrefix("placement-check-").build();
        this.executor.initialize();
        this.read = Counter.builder("sourcewire.placements.checked").tag("outcome", "read")
                .description("articles read for a placement check").register(meters);
        this.unreadable = Counter.builder("sourcewire.placements.checked").tag("outcome", "failed")
                .description("articles read for a placement check").register(meters);
    }

    /**
     * Reads every placement that is due, a batch at a time, up to the run's limit; returns how many were read. A batch
     * still reading when its lease runs out ends the run: another checker may take those placements over by then, and
     * a site that never finishes answering must not hold up the job. Its readings not yet started are cancelled, and
     * one that ends later is stored only if nobody claimed the placement again meanwhile.
     */
    int checkDue() {
        int read = 0;
        for (int batch = 0; batch < properties.batchesPerRun(); batch++) {
            List<Claimed> claimed = claim(null, properties.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            List<CompletableFuture<Void>> readings = claimed.stream()
                    .map(placement -> CompletableFuture.runAsync(() -> checkSafely(placement), executor)).toList();
            try {
                CompletableFuture.allOf(readings.toArray(CompletableFuture[]::new))
                        .get(properties.lease().toMillis(), TimeUnit.MILLISECONDS);
                read += claimed.size();
            }
            catch (TimeoutException ex) {
                long done = readings.stream().filter(CompletableFuture::isDone).count();
                // Those not yet started never start; one under way runs on, and its reading is dropped if claimed again.
                readings.forEach(reading -> reading.cancel(false));
                log.warn("{} of {} placement checks still running after {}: the run stops here", claimed.size() - done,
                        claimed.size(), properties.lease());
                return read + (int) done;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return read;
            }
            catch (ExecutionException ex) {
                // checkSafely catches what a check throws: only an Error gets here.
                throw new IllegalStateException("A placement check failed", ex.getCause());
            }
        }
        return read;
    }

    /** Reads one placement now if it is due and nobody else is reading it. */
    void checkNow(long placementId) {
        claim(placementId, 1).forEach(this::checkSafely);
    }

    private List<Claimed> claim(Long only, int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                with due as materialized (
                    select id from placement
                    where state = 'CONFIRMED' and next_check_at <= :now
                      and (claimed_until is null or claimed_until < :now) and (cast(:only as bigint) is null or id = :only)
                    order by next_check_at limit :limit for update skip locked)
                update placement p set claimed_until = :lease
                from due
                where p.id = due.id
                returning p.id, p.pitch_id, p.article_url, p.round, p.failures, p.confirmed_at, p.checked_at, p.link_kind,
                          p.claimed_until""")
                .param("lease", Timestamp.from(now.plus(properties.lease()))).param("now", Timestamp.from(now))
                .param("only", only).param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        Placements.instant(rs, "confirmed_at"), Placements.instant(rs, "checked_at"),
                        Placements.kind(rs.getString("link_kind")), rs.getTimestamp("claimed_until")))
                .list();
    }

    private void checkSafely(Claimed placement) {
        try {
            check(placement);
        }
        catch (RuntimeException ex) {
            // A bug or a database hiccup: the lease runs out and a later run tries again.
            log.warn("Could not check placement {}", placement.id(), ex);
        }
    }

    private void check(Claimed placement) {
        Optional<PitchViews.Detail> pitch = pitches.find(placement.pitchId());
        if (pitch.isEmpty()) {
            return;
        }
        PitchViews.Detail detail = pitch.get();
        ArticleReading.Source source = new ArticleReading.Source(detail.source().name(), detail.source().company(),
                detail.source().website(), detail.answers().stream().map(PitchViews.Answer::answer).toList());
        try {
            SafeFetcher.Page page = fetcher.fetchHtml(placement.articleUrl());
            ArticleReading.Findings findings = ArticleReading.read(page.body(), page.finalUri(), source);
            List<PlacementView.FoundLink> links = followed(findings, source.website());
            store(placement, detail, page.finalUri(), findings, links);
            read.increment();
        }
        catch (SafeFetcher.FetchRefused ex) {
            // Stored as words, in the default locale (a checker's thread has no request): the reading's record.
            storeFailure(placement, messages.text(ex));
            unreadable.increment();
        }
    }

    /**
     * The links to the source's site with where each leads after redirects, and the links elsewhere that name the
     * source and lead to its site through a redirect.
     */
    private List<PlacementView.FoundLink> followed(ArticleReading.Findings findings, String website) {
        List<PlacementView.FoundLink> links = new ArrayList<>();
        for (ArticleReading.Link link : findings.links().stream().limit(ArticleReading.MAX_LEADS).toList()) {
            links.add(new PlacementView.FoundLink(link.href(), link.anchor(), link.kind(), target(link.href())));
        }
        for (ArticleReading.Link lead : findings.leads()) {
            String target = target(lead.href());
            if (target != null && ArticleReading.onSite(target, website)) {
                links.add(new PlacementView.FoundLink(lead.href(), lead.anchor(), lead.kind(), target));
            }
        }
        return links;
    }

    private String target(String href) {
        try {
            return fetcher.finalAddress(href).toString();
        }
        catch (SafeFetcher.FetchRefused ex) {
            return null;
        }
    }

    private void store(Claimed placement, PitchViews.Detail pitch, URI finalUri, ArticleReading.Findings findings,
            List<PlacementView.FoundLink> links) {
        Instant now = clock.instant();
        LinkKind kind = links.stream().map(PlacementView.FoundLink::kind).min(Comparator.naturalOrder()).orElse(null);
        Schedule next = nextRound(placement, now);
        transaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                    update placement set checked_at = :now, link_kind = :kind, mentioned = :mentioned, quoted = :quoted,
                        title = :title, canonical_url = :canonical, published_at = :published, round = :round,
                        failures = 0, next_check_at = :next, claimed_until = null
                    where id = :id and article_url = :url and claimed_until = :lease""")
                    .param("now", Timestamp.from(now)).param("kind", kind == null ? null : kind.name())
                    .param("mentioned", findings.mentioned()).param("quoted", findings.quoted())
                    .param("title", findings.title()).param("canonical", findings.canonical())
                    .param("published", findings.published() == null ? null : Timestamp.from(findings.published()))
                    .param("round", next.round()).param("next", next.at() == null ? null : Timestamp.from(next.at()))
                    .param("id", placement.id()).param("url", placement.articleUrl())
                    .param("lease", placement.claimedUntil()).update();
            if (updated == 0) {
                // The journalist recorded another address meanwhile, or the lease ran out and another run claimed the
                // placement: this reading is of an article no longer claimed, and that run reads (and tells) itself.
                return;
            }
            jdbc.sql("""
                    insert into placement_check (placement_id, checked_at, round, final_url, link_kind, links, mentioned,
                                                 quoted, title, canonical_url, published_at)
                    values (:id, :now, :round, :final, :kind, cast(:links as jsonb), :mentioned, :quoted, :title,
                            :canonical, :published)""")
                    .param("id", placement.id()).param("now", Timestamp.from(now)).param("round", placement.round())
                    .param("final", finalUri.toString()).param("kind", kind == null ? null : kind.name())
                    .param("links", json.writeValueAsString(links)).param("mentioned", findings.mentioned())
                    .param("quoted", findings.quoted()).param("title", findings.title())
                    .param("canonical", findings.canonical())
                    .param("published", findings.published() == null ? null : Timestamp.from(findings.published()))
                    .update();
            LinkKind before = placement.checkedAt() == null ? null : placement.linkKind();
            if (kind != before) {
                tellSource(pitch, placement.articleUrl(), findings.title(), before, kind);
            }
        });
    }

    private void storeFailure(Claimed placement, String error) {
        Instant now = clock.instant();
        boolean again = placement.failures() + 1 < properties.retries();
        Schedule next = again ? new Schedule(placement.round(), now.plus(properties.retryAfter()))
                : nextRound(placement, now);
        transaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                    update placement set round = :round, failures = :failures, next_check_at = :next, claimed_until = null
                    where id = :id and article_url = :url and claimed_until = :lease""")
                    .param("round", next.round()).param("failures", again ? placement.failures() + 1 : 0)
                    .param("next", next.at() == null ? null : Timestamp.from(next.at()))
                    .param("id", placement.id()).param("url", placement.articleUrl())
                    .param("lease", placement.claimedUntil()).update();
            if (updated > 0) {
                jdbc.sql("insert into placement_check (placement_id, checked_at, round, error) values (:id, :now, :round, :error)")
                        .param("id", placement.id()).param("now", Timestamp.from(now)).param("round", placement.round())
                        .param("error", error).update();
            }
        });
    }

    /** The next round after {@code placement}'s current one, and when it is due; none after the last. */
    private record Schedule(int round, Instant at) {
    }

    private Schedule nextRound(Claimed placement, Instant now) {
        int round = placement.round() + 1;
        List<Duration> after = properties.recheckAfter();
        if (round > after.size()) {
            return new Schedule(round, null);
        }
        Instant from = placement.confirmedAt() == null ? now : placement.confirmedAt();
        return new Schedule(round, from.plus(after.get(round - 1)));
    }

    private void tellSource(PitchViews.Detail pitch, String articleUrl, String title, LinkKind before, LinkKind now) {
        accounts.find(pitch.source().accountId()).ifPresent(source -> {
            String what = before == null ? "appeared" : now == null ? "disappeared" : "changed";
            Map<String, Object> model = new HashMap<>();
            model.put("name", source.displayName());
            model.put("what", what);
            model.put("article", title == null ? articleUrl : title);
            model.put("articleUrl", articleUrl);
            model.put("before", messages.text(PlacementView.labelKey(before)));
            model.put("now", messages.text(PlacementView.labelKey(now)));
            model.put("link", urls.link("/pitches/" + pitch.publicId()));
            String subject = switch (what) {
                case "appeared" -> "mail.placement-link.subject.appeared";
                case "disappeared" -> "mail.placement-link.subject.disappeared";
                default -> "mail.placement-link.subject.changed";
            };
            outbox.queue(new Email(source.email(), Email.subject(subject), "mail/placement-link", model));
        });
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
