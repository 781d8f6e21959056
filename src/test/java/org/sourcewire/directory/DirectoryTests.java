package org.sourcewire.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.pitches.TestPitches;
import org.sourcewire.sources.DirectoryListing;
import org.sourcewire.sources.ExpertLevel;
import org.sourcewire.sources.ProfileView;
import org.sourcewire.sources.SourceManagement;
import org.sourcewire.topics.TestTopics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The journalists' expert directory. The database is shared with every other test class, so each test gives its
 * experts a word of its own and searches with it.
 */
class DirectoryTests extends IntegrationTest {

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    SourceManagement sourceManagement;

    @Autowired
    DirectoryListing listing;

    @Autowired
    Verifications verifications;

    @Autowired
    TestTopics topics;

    private final java.util.Map<Long, CurrentUser> experts = new java.util.HashMap<>();

    @Test
    void journalistFindsListedExpertsByStemmedWordsButNeverUnlistedOnes() {
        String word = uniqueWord();
        ProfileView listed = expert("Nora Listed", "Sleep physician", "I treat sleeping disorders.", word + ", sleep apnoea", "Ohio", true);
        expert("Uma Unlisted", "Sleep physician", "I treat sleeping disorders.", word + ", sleep apnoea", "Ohio", false);
        expert("Walt Elsewhere", "Tax adviser", "I file taxes.", word + ", tax", "Ohio", true);

        Document page = search(accounts.journalist(), "q=" + word + "+sleeps");

        assertThat(page.select(".directory-results .expert-link").eachText()).containsExactly("Nora Listed");
        assertThat(page.select(".directory-results .expert-link").attr("href")).isEqualTo(listed.publicPath());
        assertThat(page.select(".directory-results").text()).contains("Sleep physician").contains("Serves Ohio");
    }

    @Test
    void suspendedExpertsLeaveTheDirectoryAndTheSitemap() {
        String word = uniqueWord();
        ProfileView staying = expert("Stan Staying", null, null, word, null, true);
        ProfileView suspended = expert("Sue Suspended", null, null, word, null, true);
        accounts.suspend(experts.get(suspended.id()));

        assertThat(names(search(accounts.journalist(), "q=" + word))).containsExactly("Stan Staying");
        assertThat(mvc.get().uri("/sitemap.xml")).bodyText().contains(staying.publicPath())
                .doesNotContain(suspended.publicPath());
    }

    @Test
    void expertiseOutranksAMentionInTheBio() {
        String word = uniqueWord();
        expert("Bea Bio", null, "Now and then I write about " + word + " for friends.", "gardening", null, true);
        expert("Eli Expertise", null, null, word, null, true);

        assertThat(names(search(accounts.journalist(), "q=" + word))).containsExactly("Eli Expertise", "Bea Bio");
    }

    @Test
    void amongEquallyGoodMatchesTheMostRecentlyActiveComeFirstAndThePageSaysSo() {
        String word = uniqueWord();
        // Names without a z or q, which the words start with: the name similarity must not decide it.
        expert("Abe Idle", null, null, word, null, true);
        ProfileView active = expert("Ula Active", null, null, word, null, true);
        CurrentUser journalist = accounts.journalist();
        TestPitches.sent(mvc, sourceOf(active), queries.by(journalist).publish());

        Document page = search(journalist, "q=" + word);

        assertThat(names(page)).containsExactly("Ula Active", "Abe Idle");
        assertThat(page.select("#directory-order").text()).isEqualTo("Experts whose name or expertise has your words"
                + " come first, then those whose title, company or bio has them; the most recently active first.");
        assertThat(search(journalist, "q=&region=%25").select("#directory-order")).isEmpty();
        Document browsing = search(journalist, "level=WEBSITE");
        assertThat(browsing.select("#directory-order").text()).isEqualTo("By name.");
    }

    @Test
    void aMatchInTheExpertiseOutranksAMoreActiveExpertsMentionInTheBio() {
        String word = uniqueWord();
        ProfileView bio = expert("Aba Bio", null, "Now and then I write about " + word + ".", "gardening", null, true);
        expert("Zoe Expertise", null, null, word, null, true);
        CurrentUser journalist = accounts.journalist();
        TestPitches.sent(mvc, sourceOf(bio), queries.by(journalist).publish());

        assertThat(names(search(journalist, "q=" + word))).containsExactly("Zoe Expertise", "Aba Bio");
    }

    /**
     * More than a page of matches, so the first page comes from the walk by activity, which checks the words against
     * the name and expertise alone: a word excluded in the bio, or a phrase whose words are there in another order,
     * must still keep the most recently active expert out.
     */
    @Test
    void aFullPageOfMatchesStillHonoursExcludedWordsAndPhrases() {
        String word = uniqueWord();
        String other = uniqueWord();
        String third = uniqueWord();
        for (int i = 0; i < 21; i++) {
            expert("Walk Expert %02d".formatted(i), null, null, word + " " + other, null, true);
        }
        // Names as long as the others ("Walk Expert 00"), so no document is shorter (full text ranks short ones higher).
        ProfileView excluded = expert("Walk Excluded 98", null, "I also know " + third + ".", word, null, true);
        ProfileView reversed = expert("Walk Reversed 99", null, null, other + " " + word, null, true);
        CurrentUser journalist = accounts.journalist();
        TestPitches.sent(mvc, sourceOf(excluded), queries.by(journalist).publish());
        TestPitches.sent(mvc, sourceOf(reversed), queries.by(journalist).publish());

        Document withoutThird = search(journalist, "q=" + word + " -" + third);
        assertThat(names(withoutThird)).hasSize(20).first().isEqualTo("Walk Reversed 99");
        assertThat(names(withoutThird)).doesNotContain("Walk Excluded 98");
        assertThat(names(search(journalist, "q=" + word + " -" + third + "&page=1"))).hasSize(2)
                .doesNotContain("Walk Excluded 98");
        Document phrase = search(journalist, "q=\"" + word + " " + other + "\"");
        assertThat(names(phrase)).hasSize(20).doesNotContain("Walk Reversed 99", "Walk Excluded 98");
        assertThat(names(search(journalist, "q=\"" + word + " " + other + "\"&page=1"))).hasSize(1);
    }

    @Test
    void onlyAWordFoundOutsideNamesAndExpertiseIsRankedAmongItsFirstCandidates() {
        String inBios = uniqueWord();
        expert("Cap One", null, "I know " + inBios + ".", "gardening", null, true);
        expert("Cap Two", null, "I know " + inBios + ".", "gardening", null, true);
        String inExpertise = uniqueWord();
        expert("Cap Three", null, null, inExpertise, null, true);
        expert("Cap Four", null, null, inExpertise, null, true);
        // Every word counted common, as a word in many experts' expertise is: the search walks by activity first.
        CommonWords allCommon = new CommonWords(jdbc, clock) {
            @Override
            boolean hasRareWord(String tsquery) {
                return false;
            }
        };
        DirectorySearch capped = new DirectorySearch(jdbc, sourceManagement, new DirectoryProperties(20, 50, 50_000, 1),
                clock, allCommon);
        DirectorySearch onePerPage = new DirectorySearch(jdbc, sourceManagement,
                new DirectoryProperties(1, 50, 50_000, 1), clock, allCommon);

        assertThat(capped.search(new DirectoryCriteria(inBios, null, null, null, null), 0).experts()).hasSize(1);
        // A page of matches in names or expertise comes from the walk by activity, which needs no candidates.
        DirectoryResults first = onePerPage.search(new DirectoryCriteria(inExpertise, null, null, null, null), 0);
        assertThat(first.experts()).hasSize(1);
        assertThat(first.hasNext()).isTrue();
        assertThat(capped.search(DirectoryCriteria.any(), 0).experts()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aNameSpeltNearlyRightFindsTheExpert() {
        String surname = "Vandermolen" + uniqueWord().substring(0, 4);
        expert("Xanthippe " + surname, "Economist", null, uniqueWord(), null, true);

        Document page = search(accounts.journalist(), "q=Xantippe+" + surname.replace("Vandermolen", "Vandermollen"));

        assertThat(page.select(".directory-results .expert-link").eachText()).containsExactly("Xanthippe " + surname);
    }

    /**
     * Once the planner's statistics count a word as common, a search for it walks by activity, and a search with a
     * rarer word asks the facets index at once (CommonWords): both find what they found before.
     */
    @Test
    void commonAndRareWordsFindTheSameExpertsOnceStatisticsCountThem() {
        String word = uniqueWord();
        for (int i = 0; i < 30; i++) {
            expert("Stat Expert %02d".formatted(i), null, null, word + " statistics", null, true);
        }
        String surname = "Quillfeather" + uniqueWord().substring(0, 4);
        expert("Ottoline " + surname, null, null, word, null, true);
        jdbc.sql("analyze directory_entry").update();
        clock.advance(Duration.ofMinutes(11));
        CurrentUser journalist = accounts.journalist();

        // Spaces, not "+": MockMvc keeps a "+" in the address as it is, and websearch_to_tsquery reads "a+b" as a phrase.
        assertThat(names(search(journalist, "q=" + word + " statistics"))).hasSize(20).allMatch(n -> n.startsWith("Stat"));
        assertThat(names(search(journalist, "q=" + word + " statistics&page=1"))).hasSize(10);
        assertThat(names(search(journalist, "q=Otoline " + surname))).containsExactly("Ottoline " + surname);
        assertThat(names(search(journalist, "q=" + word + " " + surname))).containsExactly("Ottoline " + surname);
    }

    @Test
    void filtersByTopicRegionVerificationLevelAndRecentPitching() {
        String word = uniqueWord();
        long topic = topics.create("Directory");
        ProfileView inTopic = expert("Ana Topic", null, null, word, "Bavaria, Germany", true);
        jdbc.sql("insert into topic_subscription (source_id, topic_id, created_at) values (:s, :t, now())")
                .param("s", inTopic.id()).param("t", topic).update();
        ProfileView proven = expert("Ben Proven", null, null, word, "Texas", true);
        verifications.record(proven.accountId(), VerificationKind.WEBSITE_OWNERSHIP, "ben.example", true, "meta tag");
        ProfileView credentialed = expert("Cleo Credential", null, null, word, "Texas", true);
        verifications.record(credentialed.accountId(), VerificationKind.CREDENTIAL_CONFIRMED, "GMC 7", true, null);
        ProfileView active = expert("Dev Active", null, null, word, "texas", true);
        CurrentUser journalist = accounts.journalist();
        TestPitches.sent(mvc, sourceOf(active), queries.by(journalist).publish());

        assertThat(names(search(journalist, "q=" + word))).containsExactlyInAnyOrder("Ana Topic", "Ben Proven",
                "Cleo Credential", "Dev Active");
        assertThat(names(search(journalist, "q=" + word + "&topic=" + topic))).containsExactly("Ana Topic");
        assertThat(names(search(journalist, "q=" + word + "&region=TEXAS"))).containsExactlyInAnyOrder("Ben Proven",
                "Cleo Credential", "Dev Active");
        // A region matches whole words of the expert's region, not any part of one.
        assertThat(names(search(journalist, "q=" + word + "&region=Tex"))).isEmpty();
        assertThat(names(search(journalist, "q=" + word + "&level=WEBSITE"))).containsExactlyInAnyOrder("Ben Proven",
                "Cleo Credential");
        assertThat(names(search(journalist, "q=" + word + "&level=CREDENTIAL"))).containsExactly("Cleo Credential");
        Document responsive = search(journalist, "q=" + word + "&responsive=WEEK");
        assertThat(names(responsive)).containsExactly("Dev Active");
        assertThat(responsive.select(".directory-results").text()).contains("Pitched in the last 7 days");
        // A region's own % and _ are plain characters, not wildcards.
        assertThat(names(search(journalist, "q=" + word + "&region=%25"))).isEmpty();
        assertThat(names(search(journalist, "region=%25"))).isEmpty();
        assertThat(names(search(journalist, "region=%25&level=WEBSITE"))).isEmpty();
    }

    /** A level without words is read from the level index, level by level, merged by name. */
    @Test
    void aLevelWithoutWordsListsEveryLevelAtOrAboveItByName() {
        String region = uniqueWord();
        expert("Ida None", null, null, uniqueWord(), region, true);
        ProfileView website = expert("Bo Website", null, null, uniqueWord(), region, true);
        verifications.record(website.accountId(), VerificationKind.WEBSITE_OWNERSHIP, "bo.example", true, "meta tag");
        ProfileView both = expert("Cy Both", null, null, uniqueWord(), region, true);
        verifications.record(both.accountId(), VerificationKind.WEBSITE_OWNERSHIP, "cy.example", true, "meta tag");
        verifications.record(both.accountId(), VerificationKind.EMAIL_MATCHES_WEBSITE, "cy.example", true, null);
        ProfileView credential = expert("Al Credential", null, null, uniqueWord(), region, true);
        verifications.record(credential.accountId(), VerificationKind.CREDENTIAL_CONFIRMED, "GMC 8", true, null);
        CurrentUser journalist = accounts.journalist();

        assertThat(names(search(journalist, "region=" + region + "&level=WEBSITE"))).containsExactly("Al Credential",
                "Bo Website", "Cy Both");
        assertThat(names(search(journalist, "region=" + region + "&level=WEBSITE_AND_EMAIL")))
                .containsExactly("Al Credential", "Cy Both");
        assertThat(names(search(journalist, "region=" + region + "&level=CREDENTIAL"))).containsExactly("Al Credential");

        // A topic with a level is confirmed on each expert the level's index hands over.
        long topic = topics.create("Directory levels");
        for (ProfileView expert : List.of(website, credential)) {
            jdbc.sql("insert into topic_subscription (source_id, topic_id, created_at) values (:s, :t, now())")
                    .param("s", expert.id()).param("t", topic).update();
        }
        assertThat(names(search(journalist, "level=WEBSITE&topic=" + topic))).containsExactly("Al Credential",
                "Bo Website");
        assertThat(names(search(journalist, "region=" + region + "&level=WEBSITE_AND_EMAIL&topic=" + topic)))
                .containsExactly("Al Credential");
    }

    /** The filters read the directory's own table (directory_entry): it must follow every change after listing. */
    @Test
    void filtersFollowChangesMadeAfterTheExpertIsListed() {
        String word = uniqueWord();
        long topic = topics.create("Directory later");
        ProfileView expert = expert("Lou Later", null, null, word, "Ohio", true);
        CurrentUser journalist = accounts.journalist();
        assertThat(names(search(journalist, "q=" + word + "&region=Texas"))).isEmpty();

        jdbc.sql("update source_profile set region = 'Austin, Texas', name = 'Lou Renamed' where id = :id")
                .param("id", expert.id()).update();
        assertThat(names(search(journalist, "q=" + word + "&region=Texas"))).containsExactly("Lou Renamed");
        assertThat(names(search(journalist, "q=" + word + "&region=texas,+Austin"))).containsExactly("Lou Renamed");
        assertThat(names(search(journalist, "region=Austin+Texas"))).contains("Lou Renamed");
        assertThat(names(search(journalist, "q=" + word + "&region=Ohio"))).isEmpty();
        assertThat(names(search(journalist, "q=" + word + "&region=Dallas+Texas"))).isEmpty();

        jdbc.sql("insert into topic_subscription (source_id, topic_id, created_at) values (:s, :t, now())")
                .param("s", expert.id()).param("t", topic).update();
        assertThat(names(search(journalist, "topic=" + topic))).containsExactly("Lou Renamed");
        jdbc.sql("delete from topic_subscription where source_id = :s and topic_id = :t")
                .param("s", expert.id()).param("t", topic).update();
        assertThat(names(search(journalist, "topic=" + topic))).isEmpty();

        verifications.record(expert.accountId(), VerificationKind.WEBSITE_OWNERSHIP, "lou.example", true, "meta tag");
        assertThat(names(search(journalist, "q=" + word + "&level=WEBSITE"))).containsExactly("Lou Renamed");
        verifications.record(expert.accountId(), VerificationKind.WEBSITE_OWNERSHIP, "lou.example", false, "gone");
        assertThat(names(search(journalist, "q=" + word + "&level=WEBSITE"))).isEmpty();

        assertThat(names(search(journalist, "q=" + word + "&responsive=WEEK"))).isEmpty();
        TestPitches.sent(mvc, sourceOf(expert), queries.by(journalist).publish());
        Document responsive = search(journalist, "q=" + word + "&responsive=WEEK");
        assertThat(names(responsive)).containsExactly("Lou Renamed");
        assertThat(responsive.select(".directory-results").text()).contains("Pitched in the last 7 days");

        jdbc.sql("update source_profile set expertise = array['gardening'] where id = :id").param("id", expert.id())
                .update();
        assertThat(names(search(journalist, "q=" + word))).isEmpty();
        jdbc.sql("update source_profile set expertise = array[:word] where id = :id").param("word", word)
                .param("id", expert.id()).update();
        listing.setListed(expert.id(), false);
        assertThat(names(search(journalist, "q=" + word))).isEmpty();
        listing.setListed(expert.id(), true);
        assertThat(names(search(journalist, "q=" + word))).containsExactly("Lou Renamed");
        accounts.suspend(sourceOf(expert));
        assertThat(names(search(journalist, "q=" + word))).isEmpty();
    }

    @Test
    void resultsComeInPagesWithoutCountingEveryMatch() {
        String word = uniqueWord();
        for (int i = 0; i < 21; i++) {
            expert("Page Expert %02d".formatted(i), null, null, word, null, true);
        }
        CurrentUser journalist = accounts.journalist();

        Document first = search(journalist, "q=" + word);
        assertThat(first.select(".directory-results li")).hasSize(20);
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/directory?q=" + word + "&page=1");
        Document second = search(journalist, "q=" + word + "&page=1");
        assertThat(second.select(".directory-results li")).hasSize(1);
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/directory?q=" + word + "&page=0");
    }

    @Test
    void aFilterWithoutWordsPagesByNameWhetherItsMatchesAreManyOrFew() {
        long topic = topics.create("Directory pages");
        String prefix = "Aaa " + uniqueWord().substring(0, 6);
        for (int i = 0; i < 22; i++) {
            ProfileView expert = expert(prefix + " %02d".formatted(i), null, null, uniqueWord(), null, true);
            jdbc.sql("insert into topic_subscription (source_id, topic_id, created_at) values (:s, :t, now())")
                    .param("s", expert.id()).param("t", topic).update();
        }
        CurrentUser journalist = accounts.journalist();

        // Many matches: the first page comes from the walk by name, the last from the filter's own index.
        Document first = search(journalist, "topic=" + topic);
        assertThat(names(first)).hasSize(20).first().isEqualTo(prefix + " 00");
        assertThat(first.select("a[rel=next]")).isNotEmpty();
        assertThat(names(search(journalist, "topic=" + topic + "&page=1"))).containsExactly(prefix + " 20",
                prefix + " 21");
    }

    @Test
    void sourcesMayNotBrowseTheDirectoryAndAnonymousVisitorsLogInFirst() {
        assertThat(mvc.get().uri("/directory").with(as(accounts.source()))).hasStatus(403);
        assertThat(mvc.get().uri("/directory")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/directory").with(as(accounts.admin()))).hasStatusOk();
    }

    @Test
    void mangledSearchesGetMessagesBesideTheirFieldsNotErrors() {
        CurrentUser journalist = accounts.journalist();
        Document page = search(journalist, "q=" + "x".repeat(201) + "&topic=abc&level=BOGUS&responsive=1&page=-4");

        assertThat(page.select("#q-help .invalid-feedback").text()).isEqualTo("Use at most 200 characters.");
        assertThat(page.select("#topic-error").text()).isEqualTo("Choose a topic from the list.");
        assertThat(page.select("#level-error").text()).isEqualTo("Choose a verification level from the list.");
        assertThat(page.select("#responsive-error").text()).contains("from the list");
        assertThat(page.select(".directory-results")).isEmpty();
        // Search syntax and punctuation of every kind is only words to look for.
        for (String q : List.of("%22(%26|!:*", "%27%3B+drop+table", "-", "%E2%80%9Cquoted%E2%80%9D", "a+<->+b")) {
            assertThat(mvc.get().uri("/directory?q=" + q + "&page=99999999999").with(as(journalist))).hasStatusOk();
        }
    }

    /**
     * Every filter gives the same experts whether the walk finds them (every word counted common) or the facets index
     * does (every word counted rare), page by page with one expert a page, so the walk's own checks on the index row
     * (region words, level, topic, last pitch) are the ones that decide.
     */
    @Test
    void theWalkAndTheFacetsIndexAgreeOnEveryFilter() {
        String word = uniqueWord();
        String region = uniqueWord();
        long topic = topics.create("Directory both paths");
        expert("Both Plain", null, null, word, "North " + region, true);
        ProfileView proven = expert("Both Proven", null, null, word, region + ", South", true);
        verifications.record(proven.accountId(), VerificationKind.WEBSITE_OWNERSHIP, "both.example", true, "meta tag");
        expert("Both Elsewhere", null, null, word, "Elsewhere", true);
        ProfileView active = expert("Both Active", null, null, word, region, true);
        jdbc.sql("insert into topic_subscription (source_id, topic_id, created_at) values (:s, :t, now())")
                .param("s", active.id()).param("t", topic).update();
        CurrentUser journalist = accounts.journalist();
        TestPitches.sent(mvc, sourceOf(active), queries.by(journalist).publish());
        expert("Both Regionless", null, null, word, null, true);

        Map<DirectoryCriteria, List<String>> expected = new LinkedHashMap<>();
        expected.put(new DirectoryCriteria(word, null, null, null, null),
                List.of("Both Active", "Both Elsewhere", "Both Plain", "Both Proven", "Both Regionless"));
        expected.put(new DirectoryCriteria(word, null, region.toUpperCase(), null, null),
                List.of("Both Active", "Both Plain", "Both Proven"));
        expected.put(new DirectoryCriteria(word, null, "south " + region, null, null), List.of("Both Proven"));
        expected.put(new DirectoryCriteria(word, null, region, ExpertLevel.WEBSITE, null), List.of("Both Proven"));
        expected.put(new DirectoryCriteria(word, topic, region, null, null), List.of("Both Active"));
        expected.put(new DirectoryCriteria(word, null, region, null, Responsiveness.WEEK), List.of("Both Active"));
        expected.put(new DirectoryCriteria(word, null, "!!", null, null), List.of());
        expected.put(new DirectoryCriteria("the", null, region, null, null), List.of());
        expected.put(new DirectoryCriteria("the", topic, null, null, null), List.of());
        for (boolean rare : List.of(false, true)) {
            CommonWords words = new CommonWords(jdbc, clock) {
                @Override
                boolean hasRareWord(String tsquery) {
                    return rare;
                }
            };
            DirectorySearch onePerPage = new DirectorySearch(jdbc, sourceManagement,
                    new DirectoryProperties(1, 50, 50_000, 2_000), clock, words);
            expected.forEach((criteria, names) -> assertThat(allPages(onePerPage, criteria))
                    .as("%s, words counted %s", criteria, rare ? "rare" : "common")
                    .containsExactlyInAnyOrderElementsOf(names));
        }
    }

    /** Region words are letters and digits of any script; anything else separates them. */
    @Test
    void regionsWithAccentsDigitsAndPunctuationMatchByTheirWords() {
        String word = uniqueWord();
        expert("Rui Paulista", null, null, word, "São Paulo", true);
        expert("Anne Parisienne", null, null, word, "75001 Paris", true);
        expert("Sean Islander", null, null, word, "St. John's", true);
        CurrentUser journalist = accounts.journalist();

        assertThat(names(search(journalist, "q=" + word + "&region=são+paulo"))).containsExactly("Rui Paulista");
        assertThat(names(search(journalist, "q=" + word + "&region=Paulo"))).containsExactly("Rui Paulista");
        assertThat(names(search(journalist, "q=" + word + "&region=75001"))).containsExactly("Anne Parisienne");
        assertThat(names(search(journalist, "q=" + word + "&region=St+John's"))).containsExactly("Sean Islander");
        assertThat(names(search(journalist, "q=" + word + "&region=john"))).containsExactly("Sean Islander");
        assertThat(names(search(journalist, "q=" + word + "&region=Sao+Paulo"))).isEmpty();
    }

    /** Statistics that count a word common make CommonWords say so; one they do not count is rare. */
    @Test
    void commonWordsFollowThePlannersStatistics() {
        String word = uniqueWord();
        for (int i = 0; i < 40; i++) {
            expert("Counted Expert %02d".formatted(i), null, null, word, null, true);
        }
        jdbc.sql("analyze directory_entry").update();
        clock.advance(Duration.ofMinutes(11));
        CommonWords common = new CommonWords(jdbc, clock);
        String wordQuery = jdbc.sql("select websearch_to_tsquery('english', :w)::text").param("w", word)
                .query(String.class).single();
        String rareQuery = jdbc.sql("select websearch_to_tsquery('english', :w)::text").param("w", word + " " + uniqueWord())
                .query(String.class).single();

        assertThat(common.hasRareWord(wordQuery)).isFalse();
        assertThat(common.hasRareWord(rareQuery)).isTrue();
    }

    private static List<String> allPages(DirectorySearch search, DirectoryCriteria criteria) {
        List<String> names = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            DirectoryResults results = search.search(criteria, page);
            results.experts().forEach(expert -> names.add(expert.profile().name()));
            if (!results.hasNext()) {
                return names;
            }
        }
        throw new AssertionError("more than 20 pages for " + criteria);
    }

    @Test
    void anExpertListsThemselvesFromTheProfileAndMayLeave() {
        CurrentUser source = accounts.source("Lia Lister", TestAccounts.uniqueEmail("lia"));
        ProfileView profile = sourceManagement.ensureProfile(accountManagement.find(source.id()).orElseThrow());
        assertThat(Jsoup.parse(body(mvc.get().uri("/profile").with(as(source)))).select("#listing-state").text())
                .startsWith("You are not listed");

        assertThat(mvc.post().uri("/profile/listing").param("listed", "true").with(as(source)).with(csrf()))
                .hasRedirectedUrl("/profile");
        assertThat(listing.isListed(profile.id())).isTrue();
        assertThat(Jsoup.parse(body(mvc.get().uri("/profile").with(as(source)))).select("#listing-state").text())
                .startsWith("You are listed");

        // Anything but "true" unlists: a mangled form never lists anyone.
        assertThat(mvc.post().uri("/profile/listing").param("listed", "yes please").with(as(source)).with(csrf()))
                .hasRedirectedUrl("/profile");
        assertThat(listing.isListed(profile.id())).isFalse();
        assertThat(mvc.post().uri("/profile/listing").param("listed", "true").with(as(accounts.journalist())).with(csrf()))
                .hasStatus(403);
    }

    private ProfileView expert(String name, String title, String bio, String expertise, String region, boolean listed) {
        CurrentUser source = accounts.source(name, TestAccounts.uniqueEmail("expert"));
        ProfileView profile = sourceManagement.ensureProfile(accountManagement.find(source.id()).orElseThrow());
        jdbc.sql("update source_profile set title = :title, bio = :bio, region = :region,"
                        + " expertise = string_to_array(:expertise, ', ') where id = :id")
                .param("title", title).param("bio", bio).param("region", region).param("expertise", expertise)
                .param("id", profile.id()).update();
        listing.setListed(profile.id(), listed);
        experts.put(profile.id(), source);
        return sourceManagement.findByAccount(source.id()).orElseThrow();
    }

    private CurrentUser sourceOf(ProfileView profile) {
        return experts.get(profile.id());
    }

    private Document search(CurrentUser journalist, String query) {
        return Jsoup.parse(body(mvc.get().uri("/directory?" + query).with(as(journalist))));
    }

    private static List<String> names(Document page) {
        return page.select(".directory-results .expert-link").eachText();
    }

    private static String body(MockMvcTester.MockMvcRequestBuilder request) {
        var result = request.exchange();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        try {
            return result.getResponse().getContentAsString();
        }
        catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A word no other test's expert has: letters only, so the full-text parser keeps it whole. */
    private static String uniqueWord() {
        return "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }
}
