package org.sourcewire.placements;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sourcewire.shared.Domains;

/**
 * What an article says about a source, read with jsoup: its links to the source's site (followed, nofollow, sponsored
 * or ugc, with the anchor text), a mention of the source's name or company, whether the source's own words appear
 * (tolerant of light editing), and the article's title, canonical address and publication date where it states them.
 */
final class ArticleReading {

    /** Consecutive words compared when looking for the source's words in the article. */
    static final int SHINGLE = 3;

    /** Sentences shorter than this many words are too common to count as the source's own words. */
    static final int MIN_SENTENCE = 8;

    private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

    enum LinkKind {
        FOLLOWED, NOFOLLOW, SPONSORED, UGC
    }

    record Link(String href, String anchor, LinkKind kind) {
    }

    /** Who the article is read for: the source's name, company, website and the answers of the used pitch. */
    record Source(String name, String company, String website, List<String> answers) {
    }

    /**
     * @param links the links to the source's site
     * @param leads links elsewhere whose anchor names the source or its company, which may reach the source's site
     *        through a redirect (a tracking or short link); at most {@link #MAX_LEADS}
     */
    record Findings(List<Link> links, List<Link> leads, boolean mentioned, boolean quoted, String title,
            String canonical, Instant published) {
    }

    /** Links elsewhere followed at most per article, to see whether they lead to the source's site. */
    static final int MAX_LEADS = 5;

    private ArticleReading() {
    }

    static Findings read(String html, URI page, Source source) {
        Document document = Jsoup.parse(html, page.toString());
        boolean pageNofollow = document.select("meta[name=robots]").stream()
                .anyMatch(meta -> meta.attr("content").toLowerCase(Locale.ROOT).contains("nofollow"));
        List<Link> links = new ArrayList<>();
        List<Link> leads = new ArrayList<>();
        for (Element anchor : document.select("a[href]")) {
            String href = anchor.absUrl("href");
            if (!href.startsWith("http://") && !href.startsWith("https://")) {
                continue;
            }
            Link link = new Link(href, anchor.text().strip(), kind(anchor.attr("rel"), pageNofollow));
            if (onSite(href, source.website())) {
                links.add(link);
            }
            else if (leads.size() < MAX_LEADS && names(link.anchor().toLowerCase(Locale.ROOT), source)) {
                leads.add(link);
            }
        }
        String text = document.body() == null ? "" : document.body().text();
        String lower = text.toLowerCase(Locale.ROOT);
        return new Findings(List.copyOf(links), List.copyOf(leads), names(lower, source), quoted(text, source.answers()), title(document),
                canonical(document), published(document));
    }

    /**
     * Whether an address is on the source's website: the same registrable domain ("blog.acme.com" for "acme.com"),
     * or, for a host that has none (an address, a one-label name), the same host.
     */
    static boolean onSite(String href, String website) {
        if (website == null || website.isBlank()) {
            return false;
        }
        Optional<String> site = Domains.ofUrl(website);
        Optional<String> domain = Domains.ofUrl(href);
        if (site.isPresent() || domain.isPresent()) {
            return site.equals(domain);
        }
        try {
            String a = URI.create(href.strip()).getHost();
            String b = URI.create(website.strip()).getHost();
            return a != null && a.equalsIgnoreCase(b);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static boolean names(String lowerText, Source source) {
        return contains(lowerText, source.name()) || contains(lowerText, source.company());
    }

    private static LinkKind kind(String rel, boolean pageNofollow) {
        Set<String> values = Set.of(rel.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        if (values.contains("sponsored")) {
            return LinkKind.SPONSORED;
        }
        if (values.contains("ugc")) {
            return LinkKind.UGC;
        }
        return values.contains("nofollow") || pageNofollow ? LinkKind.NOFOLLOW : LinkKind.FOLLOWED;
    }

    private static boolean contains(String lowerText, String phrase) {
        return phrase != null && phrase.strip().length() >= 3 && lowerText.contains(phrase.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether half or more of the runs of three consecutive words of some answer sentence (of eight words or more)
     * appear in the article: a quote survives a changed word or two, a cut clause, other punctuation and capitals.
     */
    static boolean quoted(String articleText, List<String> answers) {
        Set<String> article = new HashSet<>(shingles(words(articleText)));
        for (String answer : answers) {
            for (String sentence : answer == null ? new String[0] : answer.split("(?<=[.!?])\\s+")) {
                List<String> own = shingles(words(sentence));
                if (own.size() >= MIN_SENTENCE - SHINGLE + 1 && own.stream().filter(article::contains).count() * 2 >= own.size()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        String normal = text.toLowerCase(Locale.ROOT).replaceAll("[’']", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return normal.isEmpty() ? List.of() : List.of(normal.split(" "));
    }

    private static List<String> shingles(List<String> words) {
        List<String> shingles = new ArrayList<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
        return shingles;
    }

    private static String title(Document document) {
        String og = document.select("meta[property=og:title]").attr("content").strip();
        return og.isEmpty() ? blankToNull(document.title()) : og;
    }

    private static String canonical(Document document) {
        Element link = document.selectFirst("link[rel=canonical][href]");
        return link == null ? null : blankToNull(link.absUrl("href"));
    }

    private static Instant published(Document document) {
        List<String> candidates = new ArrayList<>();
        document.select("meta[property=article:published_time], meta[name=date], meta[itemprop=datePublished]")
                .forEach(meta -> candidates.add(meta.attr("content")));
        document.select("time[datetime]").stream().limit(1).forEach(time -> candidates.add(time.attr("datetime")));
        for (Element script : document.select("script[type=application/ld+json]")) {
            Matcher matcher = JSON_LD_DATE.matcher(script.data());
            if (matcher.find()) {
                candidates.add(0, matcher.group(1));
            }
        }
        for (String candidate : candidates) {
            try {
                return OffsetDateTime.parse(candidate.strip()).toInstant();
            }
            catch (DateTimeParseException ex) {
                try {
                    return java.time.LocalDate.parse(candidate.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                }
                catch (DateTimeParseException ignored) {
                    // Not a date this reader knows; the next candidate may be.
                }
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
