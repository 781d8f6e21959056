package org.sourcewire.delivery;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A source's private feed, for feed readers: no log-in, the token is the authorisation. An unknown or revoked token
 * gets the same 404 as any missing page. Never cached by a shared cache nor indexed.
 */
@Controller
class PrivateFeedController {

    private final PrivateFeeds feeds;

    PrivateFeedController(PrivateFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/feeds/{token}/atom")
    ResponseEntity<String> atom(@PathVariable String token) {
        return feed(token, PrivateFeeds.Kind.ATOM);
    }

    @GetMapping("/feeds/{token}/rss")
    ResponseEntity<String> rss(@PathVariable String token) {
        return feed(token, PrivateFeeds.Kind.RSS);
    }

    private ResponseEntity<String> feed(String token, PrivateFeeds.Kind kind) {
        return feeds.render(token, kind)
                .map(body -> ResponseEntity.ok()
                        .header("Content-Type", kind.contentType)
                        .header("X-Robots-Tag", "noindex, nofollow")
                        .cacheControl(CacheControl.noCache().cachePrivate())
                        .body(body))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }
}
