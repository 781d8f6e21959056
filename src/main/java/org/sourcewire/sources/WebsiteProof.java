package org.sourcewire.sources;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.shared.Domains;
import org.sourcewire.shared.Messages;
import org.sourcewire.shared.RuleException;
import org.sourcewire.shared.SafeFetcher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An expert proves they control their website with a token of their own: a {@code <meta>} tag on the home page or a
 * file at {@value #FILE}. "Check now" fetches both through the safe fetcher (public addresses only) and records a
 * WEBSITE_OWNERSHIP check, passed or failed with the reason; when it passes and the account's confirmed e-mail
 * address is at the website's registrable domain, an EMAIL_MATCHES_WEBSITE check too. Checks are rate-limited per
 * expert by the time of the last one, kept in the database so every instance agrees.
 */
@Service
class WebsiteProof {

    static final String META = "sourcewire-verification";
    static final String FILE = "/.well-known/sourcewire-verification.txt";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The expert's token and the last check, for the verification page. */
    record Status(String token, Instant checkedAt, String checkedSite, Boolean passed, String outcome,
            Instant nextCheckAt) {
    }

    /** What a check found: passed or not, and why, in words for the expert. */
    record Outcome(boolean passed, String reason) {
    }

    private final JdbcClient jdbc;
    private final SafeFetcher fetcher;
    private final Verifications verifications;
    private final TransactionTemplate transactions;
    private final SourcesProperties properties;
    private final Messages messages;
    private final Clock clock;

    WebsiteProof(JdbcClient jdbc, SafeFetcher fetcher, Verifications verifications, TransactionTemplate transactions,
            SourcesProperties properties, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.fetcher = fetcher;
        this.verifications = verifications;
        this.transactions = transactions;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    /** The profile's token (made on first use) and its last check. */
    Status status(long profileId) {
        jdbc.sql("insert into expert_website_proof (profile_id, token) values (:id, :token) on conflict do nothing")
                .param("id", profileId).param("token", newToken()).update();
        return jdbc.sql("select token, checked_at, checked_site, passed, outcome from expert_website_proof where profile_id = :id")
                .param("id", profileId).query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(2);
                    Instant checked = at == null ? null : at.toInstant();
                    return new Status(rs.getString(1), checked, rs.getString(3), (Boolean) rs.getObject(4),
                            rs.getString(5), checked == null ? null : checked.plus(properties.websiteCheckInterval()));
                }).single();
    }

    /**
     * Checks the profile's website now. Refused (a {@link RuleException}) without a website or within the
     * minimum interval since the last check. The fetches run outside any transaction: a slow site holds no
     * connection to the database.
     */
    Outcome check(ProfileView profile, AccountView account) {
        if (profile.website() == null) {
            throw new RuleException("check", "sources.rule.website-missing");
        }
        String site = site(profile.website());
        if (site == null) {
            throw new RuleException("check", "sources.rule.website-uncheckable");
        }
        String token = status(profile.id()).token();
        Instant now = clock.instant();
        Duration interval = properties.websiteCheckInterval();
        // Claimed in one statement, so two clicks at once (or two instances) make one check.
        int claimed = jdbc.sql("""
                update expert_website_proof set checked_at = :now
                where profile_id = :id and (checked_at is null or checked_at <= :earliest)""")
                .param("now", Timestamp.from(now)).param("id", profile.id())
                .param("earliest", Timestamp.from(now.minus(interval))).update();
        if (claimed == 0) {
            throw interval.toSeconds() < 120
                    ? new RuleException("check", "sources.rule.website-checked-recently.seconds", interval.toSeconds())
                    : new RuleException("check", "sources.rule.website-checked-recently.minutes", interval.toMinutes());
        }
        URI home = URI.create(profile.website().strip()).resolve("/");
        Outcome outcome = fetch(home, token);
        transactions.executeWithoutResult(tx -> record(profile, account, site, outcome));
        return outcome;
    }

    private Outcome fetch(URI home, String token) {
        String homeProblem;
        String otherToken = null;
        try {
            SafeFetcher.Page page = fetcher.fetchHtml(home.toString());
            if (page.status() >= 400) {
                homeProblem = "your home page answered with status " + page.status();
            }
            else {
                Element meta = Jsoup.parse(page.body(), page.finalUri().toString()).selectFirst("meta[name=" + META + "]");
                if (meta != null && token.equals(meta.attr("content").strip())) {
                    return new Outcome(true, "Found your token in the meta tag on " + page.finalUri() + ".");
                }
                otherToken = meta == null ? null : meta.attr("content").strip();
                homeProblem = null;
            }
        }
        catch (SafeFetcher.FetchRefused ex) {
            homeProblem = messages.text(ex);
        }
        URI file = home.resolve(FILE);
        String fileProblem;
        try {
            SafeFetcher.Page page = fetcher.fetchText(file.toString());
            if (page.status() >= 400) {
                fileProblem = "no file at " + file + " (status " + page.status() + ")";
            }
            else if (page.body().lines().map(String::strip).anyMatch(token::equals)) {
                return new Outcome(true, "Found your token in " + page.finalUri() + ".");
            }
            else {
                fileProblem = "the file at " + file + " does not hold your token";
            }
        }
        catch (SafeFetcher.FetchRefused ex) {
            fileProblem = messages.text(ex);
        }
        if (homeProblem != null && fileProblem != null && !fileProblem.startsWith("no file")
                && !fileProblem.startsWith("the file")) {
            // Neither address could be read: the site, not the token, is the problem.
            return new Outcome(false, "Your website could not be checked. " + homeProblem);
        }
        if (otherToken != null) {
            return new Outcome(false, "Token not found: the meta tag on your home page holds a different token (\""
                    + abbreviate(otherToken) + "\"). Copy the token shown here.");
        }
        return new Outcome(false, "Token not found: no meta tag with your token on your home page"
                + (homeProblem == null ? "" : " (" + homeProblem + ")") + ", and " + fileProblem + ".");
    }

    private void record(ProfileView profile, AccountView account, String site, Outcome outcome) {
        // The website may have changed while the site was fetched: then this proof is of a site no longer claimed.
        String current = jdbc.sql("select website from source_profile where id = :id for update").param("id", profile.id())
                .query(String.class).optional().orElse(null);
        boolean stillClaimed = current != null && site.equals(site(current));
        boolean passed = outcome.passed() && stillClaimed;
        String reason = outcome.passed() && !stillClaimed ? "Your website changed during the check: check again." : outcome.reason();
        verifications.record(account.id(), VerificationKind.WEBSITE_OWNERSHIP, site, passed, reason);
        Optional<String> domain = Domains.ofUrl(profile.website());
        if (domain.isPresent()) {
            boolean matches = passed && emailMatches(account, profile.website());
            verifications.record(account.id(), VerificationKind.EMAIL_MATCHES_WEBSITE, domain.get(), matches,
                    matches ? "Confirmed e-mail address at " + domain.get()
                            : passed ? "The account's e-mail address is not at " + domain.get() : "Website not proven");
        }
        jdbc.sql("update expert_website_proof set checked_site = :site, passed = :passed, outcome = :outcome where profile_id = :id")
                .param("site", site).param("passed", passed).param("outcome", reason).param("id", profile.id()).update();
    }

    /** The account's confirmed e-mail address is at the website's registrable domain (ann@acme.example, www.acme.example). */
    static boolean emailMatches(AccountView account, String website) {
        return account.verified() && Domains.sameOrganisation(account.email(), website);
    }

    /**
     * The profile's website changed: a standing proof of the old site (and the e-mail match with its domain) is
     * superseded by a failed check, so the badge no longer claims it, and the page asks for a new proof.
     */
    void websiteChanged(long accountId, String before, String after) {
        String old = before == null ? null : site(before);
        if (old == null || old.equals(after == null ? null : site(after))) {
            return;
        }
        var standing = verifications.passed(accountId);
        if (standing.stream().anyMatch(check -> check.kind() == VerificationKind.WEBSITE_OWNERSHIP && check.subject().equals(old))) {
            verifications.record(accountId, VerificationKind.WEBSITE_OWNERSHIP, old, false,
                    "Superseded: the profile's website changed");
        }
        Domains.ofUrl(before).filter(domain -> standing.stream().anyMatch(check ->
                check.kind() == VerificationKind.EMAIL_MATCHES_WEBSITE && check.subject().equals(domain)))
                .ifPresent(domain -> verifications.record(accountId, VerificationKind.EMAIL_MATCHES_WEBSITE, domain,
                        false, "Superseded: the profile's website changed"));
        jdbc.sql("""
                update expert_website_proof set passed = null, checked_site = null,
                    outcome = 'Your website changed: place your token on the new site and check again.'
                where profile_id = (select id from source_profile where account_id = :account)""")
                .param("account", accountId).update();
    }

    /** What a proof is of: the host, and a port if one is given ("www.acme.example" for https://www.acme.example/about). */
    static String site(String website) {
        try {
            URI uri = URI.create(website.strip());
            if (uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "sw-" + HexFormat.of().formatHex(bytes);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 37) + "…" : value;
    }
}
