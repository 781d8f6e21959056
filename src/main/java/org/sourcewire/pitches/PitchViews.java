package org.sourcewire.pitches;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sourcewire.queries.QueryView;
import org.sourcewire.sources.ProfileView;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Read-only shapes of pitches for pages and mails. */
public final class PitchViews {

    private PitchViews() {
    }

    /** A pitch in the journalist's inbox; {@code invited} when the journalist invited its source to the query. */
    public record Card(UUID publicId, PitchStatus status, ProfileView source, int answered, int wordCount,
            Instant submittedAt, DeclineReason declineReason, String articleUrl, boolean reported, Integer score, boolean flagged,
            List<PitchScreening.Reason> reasons, int similar, boolean invited) {

        /** The reasons that moved the score most, either way: what the inbox row shows. */
        public List<PitchScreening.Reason> highlights() {
            return reasons.stream().filter(reason -> reason.effect() != 0)
                    .sorted(java.util.Comparator.comparingInt((PitchScreening.Reason reason) -> -Math.abs(reason.effect())))
                    .limit(3).toList();
        }

        /** Not opened yet by the journalist. */
        public boolean unread() {
            return status == PitchStatus.SUBMITTED;
        }

        /** The score badge's colour: flagged, 70 and over, or below. */
        public String scoreClass() {
            return flagged ? "score-flagged" : score != null && score >= 70 ? "score-high" : "score-mid";
        }

        /** The row's state for its style: unread, declined, decided otherwise, or opened and not decided. */
        public String rowClass() {
            return unread() ? "unread" : status == PitchStatus.DECLINED ? "decided declined"
                    : status == PitchStatus.VIEWED ? "" : "decided";
        }

        /**
         * How the row reads aloud: unread, who, the score or that it is being screened, flagged, the expert's level,
         * invited, and the status. One message with the others as arguments, resolved once per row.
         */
        public MessageSourceResolvable label() {
            return message("pitches.inbox.pitch", unread() ? message("pitches.inbox.card.unread") : "", source.name(),
                    score == null ? message("pitches.inbox.card.being-screened") : message("pitches.inbox.card.score", score),
                    flagged ? message("pitches.inbox.card.flagged") : "",
                    source.level().verified() ? message("pitches.inbox.card.level", message(source.level().labelKey())) : "",
                    invited ? message("pitches.inbox.card.invited") : "", message(status.labelKey()));
        }

        private static MessageSourceResolvable message(String key, Object... arguments) {
            return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
        }
    }

    /** A pitch on the journalist's shortlist (or used), for comparing and exporting: the source and every answer. */
    public record Shortlisted(UUID publicId, PitchStatus status, ProfileView source, String whyMe, Integer score,
            List<String> answers, PitchAttributions.WrittenBy writtenBy) {

        public String answer(int question) {
            return question < answers.size() && answers.get(question) != null ? answers.get(question) : "";
        }
    }

    /**
     * An invitation to answer, as its expert sees it (the query as sources see it); {@code pitched} once they
     * answered, {@code open} while the query takes pitches.
     */
    public record Invitation(QueryView query, String note, Instant at, boolean seen, boolean pitched, boolean open) {
    }

    /** A source's saved snippet for the pitch form (a bio, credentials, a disclosure). */
    public record Snippet(long id, String label, String body) {
    }

    /** A pitch in the source's own list. */
    public record Mine(UUID publicId, PitchStatus status, long queryId, String headline, Instant submittedAt,
            Instant deadline, String timeZone) {
    }

    public record Answer(String question, String answer) {

        public boolean isBlank() {
            return answer == null || answer.isBlank();
        }
    }

    /** {@code author} is null for a journalist without a name to show: pages say "The journalist". */
    public record Message(boolean fromSource, String author, String body, Instant at) {
    }

    /**
     * A pitch's history, oldest first: sent, opened, each decision (a decline with its reason) and the messages in
     * between, each at its time; {@code upcoming} names the steps still to come (keys of
     * {@code messages.properties}).
     */
    public record Timeline(List<Step> steps, List<String> upcoming) {

        /** The steps without the messages, for a page that shows the messages on their own. */
        public List<Step> decisions() {
            return steps.stream().filter(step -> step.kind() != Step.Kind.MESSAGE).toList();
        }
    }

    /** One step of a timeline; {@code reason} only for a decline, {@code message} only for a message. */
    public record Step(Kind kind, Instant at, DeclineReason reason, Message message) {

        public enum Kind {
            SENT, OPENED, SHORTLISTED, DECLINED, USED, MESSAGE
        }
    }

    /**
     * One pitch, as the asker may see it: {@code query} is the source's copy for sources (no journalist on an
     * anonymous query).
     */
    public record Detail(long id, UUID publicId, PitchStatus status, QueryView query, ProfileView source, List<Answer> answers,
            String whyMe, int wordCount, Instant submittedAt, Instant viewedAt, DeclineReason declineReason, String articleUrl,
            List<Message> messages, Integer score, boolean flagged, List<PitchScreening.Reason> reasons) {

        /** The same pitch as it stood before a decision that can still be taken back (what its source sees meanwhile). */
        Detail before(PitchStatus previous, DeclineReason previousReason) {
            return new Detail(id, publicId, previous, query, source, answers, whyMe, wordCount, submittedAt, viewedAt,
                    previousReason, articleUrl, messages, score, flagged, reasons);
        }

        public boolean isEditable() {
            return status == PitchStatus.SUBMITTED;
        }

        public long skipped() {
            return answers.stream().filter(Answer::isBlank).count();
        }

        /** A source may write once, then waits for the journalist's reply, so a thread cannot become a spam channel. */
        public boolean sourceMayWrite() {
            return messages.isEmpty() || !messages.get(messages.size() - 1).fromSource();
        }
    }
}
