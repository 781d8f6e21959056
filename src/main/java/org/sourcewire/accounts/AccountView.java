package org.sourcewire.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.sourcewire.shared.Domains;

/** A read-only view of an account for other modules and pages. */
public record AccountView(long id, String email, String displayName, Role role, String outletName, String outletUrl,
        boolean verified, boolean suspended, Instant createdAt, boolean outletVerified) {

    /** Runs of white space, compared as one space (every byline on a list page compares outlets). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public boolean isJournalist() {
        return role == Role.JOURNALIST;
    }

    public boolean isSource() {
        return role == Role.SOURCE;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /**
     * The "verified outlet" badge, which anonymous posting and auto-approval need: a confirmed journalist whose
     * e-mail address is at a confirmed domain of an outlet in the admins' registry, or whose outlet an admin
     * confirmed. Read with the account from the view {@code account_verified_outlet}, the one place that decides it
     * (a domain of one's own typed in as the outlet's website no longer counts).
     */
    public boolean hasVerifiedOutlet() {
        return outletVerified;
    }

    /**
     * Whether an outlet someone names (a query's) is the verified one: the account's own outlet, by name and site,
     * since changing the account's outlet ends the verification. Any other outlet gets no badge.
     */
    public boolean hasVerifiedOutlet(String name, String url) {
        return outletVerified && sameOutlet(outletName, outletUrl, name, url);
    }

    /**
     * Whether two names and web addresses are of one outlet: the names alike but for case and spaces, the addresses
     * at one registrable domain ("https://www.ledger.example" and "http://ledger.example/news" are).
     */
    static boolean sameOutlet(String name, String url, String otherName, String otherUrl) {
        return plain(name).equals(plain(otherName)) && Domains.ofUrl(url).map(domain -> Domains.ofUrl(otherUrl)
                .map(domain::equals).orElse(false)).orElseGet(() -> plain(url).equals(plain(otherUrl)));
    }

    private static String plain(String text) {
        return text == null ? "" : SPACES.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
