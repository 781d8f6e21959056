package org.sourcewire.web;

import java.util.Map;

import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SiteUrls;

import org.springframework.stereotype.Component;

/**
 * What search engines and link previews read in a page's head ({@code seo} in the layout): a description, the
 * canonical address and Open Graph tags. The canonical address is the configured site's, with the path alone (no
 * query string, never the request's Host header). A controller describes its own page with the model attributes
 * {@code metaTitle}, {@code metaDescription}, {@code metaType} and {@code metaImage} (an absolute URL); the fixed
 * public pages are described here (their words are in {@code messages.properties}); any other page gets the site's
 * own description. Error pages get none.
 * {@link LayoutModel} adds it to every page it renders.
 */
@Component
class PageMetadata {

    /** A page's head for search engines and link previews. */
    record Seo(String title, String description, String canonicalUrl, String type, String image) {
    }

    /** Message keys of a page's title and description. */
    private record Described(String title, String description) {
    }

    private static final Described SITE = new Described("web.text.title-site", "web.text.description-site");

    private static final Map<String, Described> PUBLIC_PAGES = Map.of(
            "/", new Described("web.text.title-home", "web.text.description-site"),
            "/login", new Described("web.text.title-login", "web.text.description-login"),
            "/signup", new Described("web.text.title-signup", "web.text.description-signup"),
            "/transparency", new Described("web.text.title-transparency", "web.text.description-transparency"));

    private final SiteUrls urls;
    private final Messages messages;

    PageMetadata(SiteUrls urls, Messages messages) {
        this.urls = urls;
        this.messages = messages;
    }

    Seo seo(String path, Map<String, Object> model) {
        Described fixed = PUBLIC_PAGES.getOrDefault(path, SITE);
        String title = text(model.get("metaTitle"), messages.text(fixed.title()));
        String description = text(model.get("metaDescription"), messages.text(fixed.description()));
        String type = text(model.get("metaType"), "website");
        return new Seo(title, description, urls.link(path), type, text(model.get("metaImage"), null));
    }

    private static String text(Object value, String otherwise) {
        return value instanceof String text && !text.isBlank() ? text : otherwise;
    }
}
