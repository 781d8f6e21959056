package org.sourcewire.sources;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.shared.DemoData;
import org.sourcewire.topics.TopicCatalog;
import org.sourcewire.topics.TopicChoice;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Profiles, topics and alerts for the demo sources, before the demo queries are published (so they match). */
@Component
@Order(5)
class DemoSources implements ApplicationRunner {

    private final DemoData demoData;
    private final SourceManagement sources;
    private final TopicSubscriptions subscriptions;
    private final KeywordAlerts alerts;
    private final AccountManagement accounts;
    private final TopicCatalog topics;
    private final DirectoryListing listing;

    DemoSources(DemoData demoData, SourceManagement sources, TopicSubscriptions subscriptions, KeywordAlerts alerts,
            AccountManagement accounts, TopicCatalog topics, DirectoryListing listing) {
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.listing = listing;
        this.demoData = demoData;
        this.sources = sources;
        this.accounts = accounts;
        this.topics = topics;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled()) {
            return;
        }
        Map<String, Long> topicIds = topics.activeTopics().stream().collect(Collectors.toMap(TopicChoice::name, TopicChoice::id));
        accounts.findByEmail("priya@sleepclinic.example").ifPresent(priya -> demo(priya, new ProfileDetails(
                "Dr. Priya Nair", "Sleep physician", "Riverside Sleep Clinic",
                "Board-certified sleep physician. I run a sleep clinic for shift workers and nurses, and research how "
                        + "rotating rosters affect sleep and health.",
                "https://sleepclinic.example", "United States", "America/Chicago",
                List.of("sleep medicine", "shift work", "insomnia", "sleep apnea"),
                List.of("https://www.linkedin.com/in/priya-nair-sleep")),
                Set.of(topicIds.get("Biotech & Healthcare"), topicIds.get("Lifestyle & Fitness")), "sleep apnea"));
        accounts.findByEmail("james@okafor-cfo.example").ifPresent(james -> demo(james, new ProfileDetails(
                "James Okafor", "Chief Financial Officer", "Okafor Advisory",
                "Fractional CFO for US SaaS companies with 50 to 500 staff; formerly VP Finance at two scale-ups.",
                "https://okafor-cfo.example", "United States", "America/New_York",
                List.of("SaaS finance", "budgeting", "fundraising"),
                List.of("https://www.linkedin.com/in/james-okafor-cfo")),
                Set.of(topicIds.get("Business & Finance"), topicIds.get("High Tech")), "open banking"));
    }

    private void demo(AccountView account, ProfileDetails details, Set<Long> topicIds, String alert) {
        if (sources.findByAccount(account.id()).isPresent()) {
            return;
        }
        ProfileView profile = sources.ensureProfile(account);
        sources.update(profile.id(), details);
        subscriptions.subscribe(profile.id(), topicIds);
        alerts.addAlert(profile.id(), alert, Set.of());
        listing.setListed(profile.id(), true);
    }
}
