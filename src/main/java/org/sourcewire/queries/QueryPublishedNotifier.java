package org.sourcewire.queries;

import java.util.Map;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.mail.Email;
import org.sourcewire.mail.Outbox;
import org.sourcewire.shared.SiteUrls;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the journalist their query is live. An {@link ApplicationModuleListener}: it runs after the publishing
 * transaction commits, and the event publication registry keeps the event until it has run, so a crash in between
 * only delays the mail.
 */
@Component
class QueryPublishedNotifier {

    private final QueryManagement queries;
    private final AccountManagement accounts;
    private final Outbox outbox;
    private final SiteUrls urls;

    QueryPublishedNotifier(QueryManagement queries, AccountManagement accounts, Outbox outbox, SiteUrls urls) {
        this.queries = queries;
        this.accounts = accounts;
        this.outbox = outbox;
        this.urls = urls;
    }

    @ApplicationModuleListener
    void on(QueryPublished published) {
        queries.find(published.queryId()).ifPresent(query -> accounts.find(query.journalistId()).ifPresent(journalist ->
                outbox.queue(new Email(journalist.email(), Email.subject("mail.query-published.subject", query.headline()),
                        "mail/query-published", Map.of("name", journalist.displayName(), "headline", query.headline(),
                                "link", urls.link("/queries/" + query.id()))))));
    }
}
