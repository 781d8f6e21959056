package org.sourcewire.pitches;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.queries.QueryManagement;
import org.sourcewire.queries.QueryView;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SiteUrls;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follow-up messages between a pitch's source and its query's journalist, each with a mail to the other side. */
@Service
@Transactional
class PitchMessages {

    private final Pitches pitches;
    private final QueryManagement queries;
    private final SourceManagement sources;
    private final AccountManagement accounts;
    private final Outbox outbox;
    private final SiteUrls urls;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PitchAccess access;
    private final Messages messages;

    PitchMessages(Pitches pitches, QueryManagement queries, SourceManagement sources, AccountManagement accounts,
            Outbox outbox, SiteUrls urls, JdbcClient jdbc, Clock clock, PitchAccess access, Messages messages) {
        this.pitches = pitches;
        this.queries = queries;
        this.sources = sources;
        this.accounts = accounts;
        this.outbox = outbox;
        this.urls = urls;
        this.jdbc = jdbc;
        this.clock = clock;
        this.access = access;
        this.messages = messages;
    }

    /**
     * A follow-up message; the other side gets an e-mail that shows neither address. The form's one-time
     * {@code submissionKey} makes a re-sent form (a double click, a repeated request) a no-op: one message, one mail.
     */
    void write(UUID publicId, AccountView author, String body, UUID submissionKey) {
        // The pitch's row lock puts its messages in a line: a re-sent form finds the message it made, and a source's
        // two messages at once cannot both pass the "wait for a reply" rule. The unique key is the backstop.
        Pitch pitch = pitches.findForUpdate(publicId).orElseThrow(PitchNotFoundException::new);
        QueryView query = queries.find(pitch.getQueryId()).orElseThrow();
        boolean fromSource;
        if (PitchAccess.isJournalistOf(query, author)) {
            fromSource = false;
        }
        else if (author.isSource() && access.isSourceOf(pitch, author)) {
            fromSource = true;
        }
        else {
            throw new PitchNotFoundException();
        }
        boolean sent = jdbc.sql("select exists (select 1 from pitch_message where pitch_id = :pitch and submission_key = :key)")
                .param("pitch", pitch.getId()).param("key", submissionKey).query(Boolean.class).single();
        if (sent) {
            return;
        }
        if (fromSource) {
            Boolean lastFromSource = jdbc.sql("""
                    select from_source from pitch_message where pitch_id = :pitch order by created_at desc, id desc limit 1""")
                    .param("pitch", pitch.getId()).query(Boolean.class).optional().orElse(false);
            if (lastFromSource) {
                throw new RuleException("body", "pitches.rule.reply-first");
            }
        }
        int added = jdbc.sql("""
                insert into pitch_message (pitch_id, from_source, author_id, body, created_at, submission_key)
                values (:pitch, :fromSource, :author, :body, :now, :key)
                on conflict (pitch_id, submission_key) do nothing""")
                .param("pitch", pitch.getId()).param("fromSource", fromSource).param("author", author.id())
                .param("body", body.strip()).param("now", Timestamp.from(clock.instant())).param("key", submissionKey)
                .update();
        if (added == 0) {
            return;
        }
        String link = urls.link("/pitches/" + publicId);
        if (fromSource) {
            ProfileView source = sources.findAll(List.of(pitch.getSourceId())).get(pitch.getSourceId());
            accounts.find(query.journalistId()).ifPresent(journalist -> outbox.queue(new Email(journalist.email(),
                    Email.subject("mail.pitch-message.subject.from-source", source.name(), query.headline()),
                    "mail/pitch-message",
                    Map.of("name", journalist.displayName(), "from", source.name(), "headline", query.headline(),
                            "body", body.strip(), "link", link))));
        }
        else {
            QueryView seen = query.forSource();
            String from = seen.anonymous() ? messages.text(seen.byline()) : query.journalistName();
            access.sourceAccount(pitch).ifPresent(source -> outbox.queue(new Email(source.email(),
                    Email.subject("mail.pitch-message.subject.from-journalist", query.headline()), "mail/pitch-message",
                    Map.of("name", source.displayName(), "from", from, "headline", query.headline(),
                            "body", body.strip(), "link", link))));
        }
    }
}
