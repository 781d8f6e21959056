package org.sourcewire.evaluation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.Role;
import org.sourcewire.accounts.SignUp;
import org.sourcewire.audit.Actor;
import org.sourcewire.pitches.PitchManagement;
import org.sourcewire.pitches.PitchScreening;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicChoice;

import org.springframework.stereotype.Service;

/**
 * Screens a labelled set as production does: one journalist publishes the set's queries, one verified source account
 * per source key sends its pitches through the pitch service, in file order, and each pitch's verdict is read back
 * once screening has stored it (so every pitch is compared with all those before it). The accounts are new for each
 * run, so runs do not see each other's sources (they do see each other's stored pitches, as production would).
 */
@Service
public class ScreeningEvaluator {

    private static final Logger log = LoggerFactory.getLogger(ScreeningEvaluator.class);

    /** How long one pitch may wait for its verdict before the run fails. */
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(60);

    private final AccountManagement accounts;
    private final TopicCatalog topics;
    private final QueryManagement queries;
    private final PitchManagement pitches;
    private final Messages messages;

    ScreeningEvaluator(AccountManagement accounts, TopicCatalog topics, QueryManagement queries, PitchManagement pitches,
            Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
        this.topics = topics;
        this.queries = queries;
        this.pitches = pitches;
    }

    public EvaluationResult evaluate(LabelledSet set) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        AccountView journalist = accounts.createVerified(new SignUp("Evaluation journalist", address(run, "journalist"),
                UUID.randomUUID().toString(), Role.JOURNALIST, "Sourcewire evaluation", "https://evaluation.invalid"));
        Map<String, Long> topicIds = topics.activeTopics().stream()
                .collect(Collectors.toMap(topic -> topic.name().toLowerCase(Locale.ROOT), TopicChoice::id, (a, b) -> a));
        long general = topicIds.getOrDefault("general", topicIds.values().iterator().next());
        Map<String, Long> queryIds = new HashMap<>();
        for (LabelledSet.Query query : set.queries()) {
            long topic = topicIds.getOrDefault(query.topic().toLowerCase(Locale.ROOT), general);
            queryIds.put(query.id(), queries.publishApproved(journalist, query.headline(), topic, query.questions(),
                    query.requirements(), Actor.system()));
        }
        Map<String, AccountView> sources = new HashMap<>();
        Map<String, UUID> sent = new HashMap<>();
        List<EvaluationResult.Screened> screened = new java.util.ArrayList<>();
        long started = System.nanoTime();
        for (LabelledSet.Pitch pitch : set.pitches()) {
            AccountView source = sources.computeIfAbsent(pitch.source(), key -> accounts.createVerified(new SignUp(
                    "Source " + key, address(run, key), UUID.randomUUID().toString(), Role.SOURCE, null, null)));
            screened.add(screen(pitch, source, queryIds.get(pitch.query()), sent));
        }
        log.info("Screened {} labelled pitches in {} ms", screened.size(), (System.nanoTime() - started) / 1_000_000);
        // As the journalist finds them once all have arrived: a later pitch may have flagged an earlier one.
        List<EvaluationResult.Screened> settled = screened.stream().map(pitch -> sent.containsKey(pitch.id())
                ? pitches.verdict(sent.get(pitch.id())).map(verdict -> new EvaluationResult.Screened(pitch.id(),
                        pitch.query(), pitch.label(), verdict.score(), verdict.flagged(), verdict.reasons(),
                        verdict.signals())).orElse(pitch)
                : pitch).toList();
        return new EvaluationResult(settled);
    }

    private EvaluationResult.Screened screen(LabelledSet.Pitch pitch, AccountView source, long queryId,
            Map<String, UUID> sentPitches) {
        UUID sent;
        try {
            sent = pitches.submit(source, queryId, pitch.answers(), null, UUID.randomUUID());
            sentPitches.put(pitch.id(), sent);
        }
        catch (RuleException ex) {
            // The pitch form refuses it (e.g. over the word limit): it never reaches the journalist. The refusal in the
            // words the source would read (outside a request: the default locale).
            return new EvaluationResult.Screened(pitch.id(), pitch.query(), pitch.label(), 0, true,
                    List.of(new PitchScreening.Reason("refused by the pitch form: " + messages.text(ex), 0, true)), Map.of());
        }
        PitchScreening.Verdict verdict = awaitVerdict(sent);
        return new EvaluationResult.Screened(pitch.id(), pitch.query(), pitch.label(), verdict.score(), verdict.flagged(),
                verdict.reasons(), verdict.signals());
    }

    private PitchScreening.Verdict awaitVerdict(UUID pitch) {
        long deadline = System.nanoTime() + VERDICT_TIMEOUT.toNanos();
        while (true) {
            Optional<PitchScreening.Verdict> verdict = pitches.verdict(pitch);
            if (verdict.isPresent()) {
                return verdict.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Pitch " + pitch + " was not screened within " + VERDICT_TIMEOUT);
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a verdict", ex);
            }
        }
    }

    private static String address(String run, String key) {
        return "eval-" + run + "-" + key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "@evaluation.invalid";
    }
}
