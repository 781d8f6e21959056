package org.sourcewire.web;

import java.time.Duration;

import org.sourcewire.shared.SiteUrls;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * robots.txt: crawlers may read every public page; the sitemap names the listed experts' pages. The few disallowed
 * paths are one-time links and admin pages, never worth a crawler's visit. The sitemap's address is absolute, from
 * the configured base URL (robots.txt requires an absolute one).
 */
@Controller
class RobotsController {

    private final SiteUrls urls;

    RobotsController(SiteUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/robots.txt")
    @ResponseBody
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Disallow: /admin/
                Disallow: /password-reset
                Disallow: /verify-email
                Disallow: /digests/unsubscribe
                Allow: /

                Sitemap: %s
                """.formatted(urls.link("/sitemap.xml"));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).body(body);
    }
}
