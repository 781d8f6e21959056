package org.sourcewire.sources;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sourcewire.shared.Messages;
import org.sourcewire.shared.SiteUrls;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/** Public expert pages, readable by anyone, with schema.org JSON-LD for search engines and assistants. */
@Controller
@RequestMapping("/experts")
class ExpertController {

    private final SourceManagement sources;
    private final ProfileHeadshots headshots;
    private final SiteUrls urls;
    private final JsonMapper json;
    private final Messages messages;

    ExpertController(SourceManagement sources, ProfileHeadshots headshots, SiteUrls urls, JsonMapper json,
            Messages messages) {
        this.sources = sources;
        this.headshots = headshots;
        this.urls = urls;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/{handle}")
    String show(@PathVariable String handle, Model model) {
        ProfileView profile = find(handle);
        model.addAttribute("profile", profile);
        model.addAttribute("jsonLd", jsonLd(profile));
        ExpertPageMeta.describe(profile, urls, messages, model);
        return "sources/public";
    }

    @GetMapping("/{handle}/headshot")
    @ResponseBody
    ResponseEntity<byte[]> headshot(@PathVariable String handle, WebRequest request) {
        ProfileView profile = find(handle);
        ProfileHeadshots.StoredHeadshot headshot = headshots.find(profile.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (request.checkNotModified(headshot.updatedAt().toEpochMilli())) {
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(headshot.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .lastModified(headshot.updatedAt()).body(headshot.image());
    }

    private ProfileView find(String handle) {
        return sources.findByHandle(handle).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * The schema.org Person as JSON, made safe to stand inside a script element: the characters that could end
     * the element or start markup ({@code < > &}) occur only inside JSON strings, where their \\u escapes mean the
     * same, so the output is both valid JSON-LD and inert HTML.
     */
    String jsonLd(ProfileView profile) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@context", "https://schema.org");
        person.put("@type", "Person");
        person.put("name", profile.name());
        person.put("url", urls.link(profile.publicPath()));
        if (profile.title() != null) {
            person.put("jobTitle", profile.title());
        }
        if (profile.company() != null) {
            person.put("worksFor", Map.of("@type", "Organization", "name", profile.company()));
        }
        if (profile.bio() != null) {
            person.put("description", profile.bio());
        }
        if (!profile.expertise().isEmpty()) {
            person.put("knowsAbout", profile.expertise());
        }
        if (profile.region() != null) {
            person.put("areaServed", profile.region());
        }
        // The website says "this person is that site" only once they proved it; until then it is a claim.
        List<String> sameAs = new java.util.ArrayList<>(profile.links());
        sameAs.remove(profile.website());
        if (profile.websiteProven()) {
            sameAs.add(0, profile.website());
        }
        if (!sameAs.isEmpty()) {
            person.put("sameAs", sameAs);
        }
        if (profile.hasHeadshot()) {
            person.put("image", urls.link(profile.headshotPath()));
        }
        // Only what an admin confirmed: a credential merely stated is no claim Sourcewire makes.
        List<Map<String, Object>> credentials = profile.confirmedCredentials().stream().map(check -> {
            Map<String, Object> credential = new LinkedHashMap<>();
            credential.put("@type", "EducationalOccupationalCredential");
            credential.put("name", check.subject());
            credential.put("credentialCategory", "licence");
            if (check.detail() != null && !check.detail().equals(check.subject())) {
                credential.put("url", check.detail());
            }
            return credential;
        }).toList();
        if (!credentials.isEmpty()) {
            person.put("hasCredential", credentials);
        }
        return json.writeValueAsString(person).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
