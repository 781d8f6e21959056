package org.sourcewire.shared;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.common.net.InternetDomainName;

/** Registrable domains ("example.co.uk" for "news.example.co.uk"), by the public suffix list. */
public final class Domains {

    /**
     * Hosts seen recently. Parsing against the public suffix list showed in the profile of every page that lists
     * queries (each byline's "verified outlet" compares two registrable domains); hosts repeat a lot.
     */
    private static final LoadingCache<String, Optional<String>> REGISTRABLE = Caffeine.newBuilder()
            .maximumSize(10_000).build(Domains::parse);

    private Domains() {
    }

    public static Optional<String> registrable(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return REGISTRABLE.get(host.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code host} stripped and lower-case (the cache's key). */
    private static Optional<String> parse(String host) {
        try {
            InternetDomainName name = InternetDomainName.from(host);
            if (name.isUnderPublicSuffix()) {
                return Optional.of(name.topPrivateDomain().toString());
            }
            // Not a known public suffix (e.g. the reserved .example, or an intranet name): the last two labels.
            var parts = name.parts();
            return parts.size() < 2 ? Optional.empty()
                    : Optional.of(parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1));
        }
        catch (IllegalArgumentException | IllegalStateException ex) {
            return Optional.empty();
        }
    }

    public static Optional<String> ofEmail(String email) {
        return email == null || !email.contains("@") ? Optional.empty() : registrable(email.substring(email.lastIndexOf('@') + 1));
    }

    public static Optional<String> ofUrl(String url) {
        try {
            return url == null ? Optional.empty() : registrable(URI.create(url.strip()).getHost());
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    /** True when the e-mail address belongs to the same registrable domain as the web address. */
    public static boolean sameOrganisation(String email, String url) {
        Optional<String> mail = ofEmail(email);
        return mail.isPresent() && mail.equals(ofUrl(url));
    }
}
