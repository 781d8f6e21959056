package org.sourcewire.web;

import java.util.Map;

import org.sourcewire.shared.SiteUrls;

import org.springframework.stereotype.Component;

/**
 * What search engines and link previews read in a page's head ({@code seo} in the layout): a description, the
 * canonical address and Open Graph tags. The canonical address is the configured site's, with the path alone (no
 * query string, never the request's Host header). A controller describes its own page with the model attributes
 * {@code metaTitle}, {@code metaDescription}, {@code metaType} and {@code metaImage} (an absolute URL); the fixed
 * public pages are described here; any other page gets the site's own description. Error pages get none.
 * {@link LayoutModel} adds it to every page it renders.
 */
@Component
class PageMetadata {

    /** A page's head for search engines and link previews. */
    record Seo(String title, String description, String canonicalUrl, String type, String image) {
    }

    private record Described(String title, String description) {
    }

    static final String SITE_DESCRIPTION = "Sourcewire matches journalists' queries with the experts who can answer "
            + "them: screened, relevant pitches instead of an inbox flood, and verified sources.";

    private static final Map<String, Described> PUBLIC_PAGES = Map.of(
            "/", new Described("Sourcewire — expert sources for journalists, without the spam", SITE_DESCRIPTION),
            "/login", new Described("Log in — Sourcewire", "Log in to Sourcewire to post queries to experts or "
                    + "answer journalists' queries in your field."),
            "/signup", new Described("Sign up — Sourcewire", "Join Sourcewire free: journalists get a few excellent "
                    + "pitches from verified experts; experts see only the queries they are qualified for."),
            "/transparency", new Described("Transparency — Sourcewire", "Sourcewire's figures, month by month: "
                    + "queries published, pitches per query, the share screened out, time to a first good pitch "
                    + "and placements by link type."));

    private final SiteUrls urls;

    PageMetadata(SiteUrls urls) {
        this.urls = urls;
    }

    Seo seo(String path, Map<String, Object> model) {
        Described fixed = PUBLIC_PAGES.getOrDefault(path, new Described("Sourcewire", SITE_DESCRIPTION));
        String title = text(model.get("metaTitle"), fixed.title());
        String description = text(model.get("metaDescription"), fixed.description());
        String type = text(model.get("metaType"), "website");
        return new Seo(title, description, urls.link(path), type, text(model.get("metaImage"), null));
    }

    private static String text(Object value, String otherwise) {
        return value instanceof String text && !text.isBlank() ? text : otherwise;
    }
}
