package org.sourcewire.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.matching.MatchedQuery;
import org.sourcewire.matching.MatchingService;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SiteUrls;

import org.springframework.stereotype.Service;

/**
 * A source's private feed of matched queries, as RSS 2.0 or Atom 1.0, written by ROME (escaping, dates in each
 * format's own notation, a valid document). The token in the address is the only authorisation: a feed reader sends
 * no cookie. A suspended or unconfirmed account's feed is gone, as its site is.
 */
@Service
class PrivateFeeds {


    enum Kind {
        ATOM("atom_1.0", "application/atom+xml;charset=UTF-8"), RSS("rss_2.0", "application/rss+xml;charset=UTF-8");

        final String romeType;
        final String contentType;

        Kind(String romeType, String contentType) {
            this.romeType = romeType;
            this.contentType = contentType;
        }
    }

    private final DeliverySettings settings;
    private final AccountManagement accounts;
    private final MatchingService matching;
    private final DeliveryProperties properties;
    private final SiteUrls urls;
    private final Messages messages;

    PrivateFeeds(DeliverySettings settings, AccountManagement accounts, MatchingService matching,
            DeliveryProperties properties, SiteUrls urls, Messages messages) {
        this.settings = settings;
        this.accounts = accounts;
        this.matching = matching;
        this.properties = properties;
        this.urls = urls;
        this.messages = messages;
    }

    /** The feed document for a token, or empty for a token that is unknown, revoked or of an inactive account. */
    Optional<String> render(String token, Kind kind) {
        Optional<DeliverySettings.FeedOwner> owner = settings.ownerOfFeedToken(token);
        Optional<AccountView> account = owner.flatMap(found -> accounts.find(found.accountId()))
                .filter(found -> found.verified() && !found.suspended());
        if (account.isEmpty()) {
            return Optional.empty();
        }
        List<MatchedQuery> matches = matching.latestMatches(owner.get().sourceId(), properties.feedItems());
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(kind.romeType);
        feed.setTitle(messages.text("delivery.text.feed.title", account.get().displayName()));
        feed.setLink(urls.link("/feed"));
        feed.setUri("urn:sourcewire:matched-queries:" + owner.get().sourceId());
        feed.setDescription(messages.text("delivery.text.feed.description"));
        feed.setLanguage("en");
        feed.setPublishedDate(Date.from(matches.isEmpty() ? Instant.EPOCH : matches.get(0).matchedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (MatchedQuery match : matches) {
            SyndEntry entry = new SyndEntryImpl();
            String link = urls.link("/queries/" + match.queryId());
            entry.setTitle(match.headline());
            entry.setLink(link);
            entry.setUri(link);
            entry.setAuthor(match.byline());
            entry.setPublishedDate(Date.from(match.matchedAt()));
            entry.setUpdatedDate(Date.from(match.matchedAt()));
            SyndContent description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(messages.text("delivery.text.feed.entry", WebhookPayloads.details(messages, match),
                    String.join("; ", match.reasons())));
            entry.setDescription(description);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return Optional.of(new SyndFeedOutput().outputString(feed));
        }
        catch (FeedException ex) {
            throw new IllegalStateException("A feed could not be written", ex);
        }
    }

}
