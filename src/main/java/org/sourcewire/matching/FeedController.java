package org.sourcewire.matching;

import java.time.Clock;
import java.util.Optional;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.topics.TopicCatalog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A source's feed of open matched queries; each links to the query page (QueryController serves sources). */
@Controller
class FeedController {

    private final MatchingService matching;
    private final AccountManagement accounts;
    private final TopicCatalog topics;
    private final MatchingProperties properties;
    private final Clock clock;

    FeedController(MatchingService matching, AccountManagement accounts, TopicCatalog topics,
            MatchingProperties properties, Clock clock) {
        this.matching = matching;
        this.accounts = accounts;
        this.topics = topics;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/feed")
    String feed(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long topic,
            @RequestParam(defaultValue = "false") boolean notPitched, @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean verified = accounts.find(user.id()).map(account -> account.verified()).orElse(false);
        Optional<Long> profile = matching.profileOf(user.id());
        PageRequest request = PageRequest.of(Math.max(page, 0), properties.feedPageSize());
        Page<FeedItem> items = profile.filter(id -> verified)
                .map(id -> matching.feed(id, topic, notPitched, request))
                .orElseGet(() -> Page.empty(request));
        model.addAttribute("items", items);
        model.addAttribute("hasProfile", profile.isPresent());
        model.addAttribute("verified", verified);
        model.addAttribute("now", clock.instant());
        model.addAttribute("topic", topic);
        model.addAttribute("notPitched", notPitched);
        model.addAttribute("topics", topics.activeTopics());
        return "matching/feed";
    }
}
