package org.sourcewire.queries;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.audit.Actor;
import org.sourcewire.shared.DemoData;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicChoice;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo queries for the demo journalists (after the demo accounts exist), once. */
@Component
@Order(10)
class DemoQueries implements ApplicationRunner {

    private final DemoData demoData;
    private final QueryManagement queries;
    private final Queries repository;
    private final AccountManagement accounts;
    private final TopicCatalog topics;
    private final Clock clock;

    DemoQueries(DemoData demoData, QueryManagement queries, Queries repository, AccountManagement accounts,
            TopicCatalog topics, Clock clock) {
        this.demoData = demoData;
        this.queries = queries;
        this.repository = repository;
        this.accounts = accounts;
        this.topics = topics;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled()) {
            return;
        }
        AccountView maria = accounts.findByEmail("maria@ledger.example").orElse(null);
        AccountView tom = accounts.findByEmail("tom.becker@freelance.example").orElse(null);
        if (maria == null || tom == null || repository.findByJournalistIdOrderByCreatedAtDesc(maria.id(),
                org.springframework.data.domain.Pageable.ofSize(1)).hasContent()) {
            return;
        }
        submit(maria, details(maria, "Sleep doctors: what actually helps shift workers sleep?",
                "Biotech & Healthcare", MediaType.ONLINE, 30, false,
                List.of("What is the biggest mistake shift workers make about sleep?", "Does melatonin help, and when?",
                        "What should employers change in rosters?"),
                "Board-certified sleep physicians or sleep researchers"), true);
        submit(maria, details(maria, "CFOs: how are you budgeting for AI tools in 2027?",
                "Business & Finance", MediaType.NEWSLETTER, 72, true,
                List.of("What share of your software budget goes to AI tools?", "How do you measure the return?"),
                "CFO or VP Finance at a US SaaS company with 50+ staff"), true);
        submit(tom, details(tom, "Which smart-home gadgets are worth it for renters?",
                "High Tech", MediaType.PODCAST, 48, false,
                List.of("Which device gives renters the most for the least setup?", "What privacy risks are overlooked?"),
                "Consumer-tech reviewers or security researchers"), false);
    }

    /** Drafts and submits the query; {@code approved}: the system approves it at once, as a moderator would. */
    private void submit(AccountView journalist, QueryDetails details, boolean approved) {
        long id = queries.createDraft(journalist, details, UUID.randomUUID()).id();
        queries.submit(id, journalist);
        if (approved) {
            queries.approve(id, Actor.system());
        }
    }

    private QueryDetails details(AccountView journalist, String headline, String topic, MediaType mediaType, long hours,
            boolean anonymous, List<String> questions, String requirements) {
        Long topicId = topics.activeTopics().stream().filter(t -> t.name().equals(topic)).map(TopicChoice::id).findFirst()
                .orElse(null);
        return new QueryDetails(headline, topicId, journalist.outletName(), journalist.outletUrl(), mediaType,
                clock.instant().plus(Duration.ofHours(hours)), "America/New_York", questions, requirements, null, null,
                false, null, LinkPolicy.FOLLOWED, anonymous);
    }
}
