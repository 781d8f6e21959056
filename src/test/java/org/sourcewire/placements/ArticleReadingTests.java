package org.sourcewire.placements;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading an article for a source: links and their kind, mentions, the source's words, and the article's facts. */
class ArticleReadingTests {

    static final ArticleReading.Source PRIYA = new ArticleReading.Source("Priya Raman", "Harbour Sleep Clinic",
            "https://www.harboursleep.example/about", List.of("Shift workers try to sleep in one long block after a night "
                    + "shift and fight their body clock. Split sleep works better: four hours after the shift and a "
                    + "ninety minute nap before the next."));

    static final URI PAGE = URI.create("https://ledger.example/2026/12/night-shifts");

    @Test
    void linksToTheSourcesSiteAreFoundWithTheirKindAndAnchor() {
        String html = """
                <html><head><title>Sleep after nights</title></head><body>
                <a href="https://harboursleep.example/">Harbour Sleep Clinic</a>
                <a href="https://blog.harboursleep.example/split" rel="nofollow noopener">her blog</a>
                <a href="https://harboursleep.example/offer" rel="sponsored">offer</a>
                <a href="https://harboursleep.example/forum" rel="UGC">forum</a>
                <a href="/other">elsewhere on the site</a>
                <a href="https://harboursleep.example.evil.example/">a look-alike</a>
                </body></html>""";
        ArticleReading.Findings found = ArticleReading.read(html, PAGE, PRIYA);

        assertThat(found.links()).extracting(ArticleReading.Link::kind).containsExactly(ArticleReading.LinkKind.FOLLOWED,
                ArticleReading.LinkKind.NOFOLLOW, ArticleReading.LinkKind.SPONSORED, ArticleReading.LinkKind.UGC);
        assertThat(found.links().get(0).anchor()).isEqualTo("Harbour Sleep Clinic");
        assertThat(found.mentioned()).isTrue();
        assertThat(found.title()).isEqualTo("Sleep after nights");
    }

    @Test
    void aPageWideNofollowMakesEveryLinkNofollow() {
        String html = """
                <html><head><meta name="robots" content="index, NOFOLLOW"></head><body>
                <a href="https://harboursleep.example/">clinic</a></body></html>""";
        assertThat(ArticleReading.read(html, PAGE, PRIYA).links()).extracting(ArticleReading.Link::kind)
                .containsExactly(ArticleReading.LinkKind.NOFOLLOW);
    }

    @Test
    void theSourcesWordsAreFoundThroughLightEditingButNotWhereOnlyTheTopicIsShared() {
        String edited = "<p>“Split sleep works better,” said Dr Raman: four hours after the shift, and a ninety-minute "
                + "nap before the next one.</p>";
        assertThat(ArticleReading.read(edited, PAGE, PRIYA).quoted()).isTrue();
        String topicOnly = "<p>Many shift workers sleep badly after nights, and naps are popular; experts disagree "
                + "about how long a nap should be.</p>";
        ArticleReading.Findings found = ArticleReading.read(topicOnly, PAGE, PRIYA);
        assertThat(found.quoted()).isFalse();
        assertThat(found.mentioned()).isFalse();
        assertThat(found.links()).isEmpty();
    }

    @Test
    void titleCanonicalAndDateComeFromWhatThePageStates() {
        String html = """
                <html><head><title>Fallback</title>
                <meta property="og:title" content="How night nurses sleep">
                <link rel="canonical" href="/2026/12/night-shifts">
                <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-12-04T09:30:00+01:00"}</script>
                </head><body><p>Priya Raman runs a clinic.</p></body></html>""";
        ArticleReading.Findings found = ArticleReading.read(html, PAGE, PRIYA);
        assertThat(found.title()).isEqualTo("How night nurses sleep");
        assertThat(found.canonical()).isEqualTo("https://ledger.example/2026/12/night-shifts");
        assertThat(found.published()).isEqualTo(Instant.parse("2026-12-04T08:30:00Z"));
        assertThat(found.mentioned()).isTrue();

        ArticleReading.Findings bare = ArticleReading.read("<p>nothing stated</p>", PAGE,
                new ArticleReading.Source("Al", null, null, List.of()));
        assertThat(bare.title()).isNull();
        assertThat(bare.canonical()).isNull();
        assertThat(bare.published()).isNull();
        assertThat(bare.mentioned()).as("a name too short to tell").isFalse();
    }
}
