package org.sourcewire.sources;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sourcewire.accounts.VerificationKind;
import org.sourcewire.accounts.Verifications;

/**
 * An expert profile for pages, pitches and other modules. Holds nothing private: the account's e-mail address is
 * not part of it. {@code timeZone} is the source's own zone, used for their digests and deadlines. {@code checks}
 * are the verification checks that stand for the account (only passed ones: what the other side may see).
 */
public record ProfileView(long id, long accountId, String handle, String name, String title, String company,
        String bio, String website, String region, String timeZone, List<String> expertise, List<String> links,
        boolean hasHeadshot, Instant updatedAt, List<Verifications.Check> checks) {

    /** A profile without its checks read (yet). */
    public ProfileView(long id, long accountId, String handle, String name, String title, String company, String bio,
            String website, String region, String timeZone, List<String> expertise, List<String> links,
            boolean hasHeadshot, Instant updatedAt) {
        this(id, accountId, handle, name, title, company, bio, website, region, timeZone, expertise, links, hasHeadshot,
                updatedAt, List.of());
    }

    ProfileView withChecks(List<Verifications.Check> passed) {
        return new ProfileView(id, accountId, handle, name, title, company, bio, website, region, timeZone, expertise,
                links, hasHeadshot, updatedAt, List.copyOf(passed));
    }

    public ExpertLevel level() {
        return ExpertLevel.of(checks);
    }

    /** The credentials an admin confirmed, for the public page and its JSON-LD. */
    public List<Verifications.Check> confirmedCredentials() {
        return checks.stream().filter(check -> check.kind() == VerificationKind.CREDENTIAL_CONFIRMED).toList();
    }

    /** The website whose ownership is proven, if the profile's website is that one. */
    public boolean websiteProven() {
        return website != null && checks.stream().anyMatch(check -> check.kind() == VerificationKind.WEBSITE_OWNERSHIP
                && check.subject().equals(WebsiteProof.site(website)));
    }

    /**
     * Titles before a name, which say nothing about who it is ("Dr. Priya Nair" is "PN", not "D"). Only titles that
     * are not also given names or surnames (so not "Hon").
     */
    private static final Set<String> HONORIFICS = Set.of("dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss",
            "sir", "dame", "rev", "revd");

    /** "Chief Financial Officer, Okafor Advisory", or whichever half is known. */
    public String headline() {
        if (title != null && company != null) {
            return title + ", " + company;
        }
        return title != null ? title : (company != null ? company : "");
    }

    public String publicPath() {
        return "/experts/" + handle;
    }

    public String headshotPath() {
        return hasHeadshot ? "/experts/" + handle + "/headshot?v=" + updatedAt.toEpochMilli() : null;
    }

    /** A profile worth showing to journalists: title or company, and a bio. */
    public boolean isComplete() {
        return (title != null || company != null) && bio != null;
    }

    /**
     * The letters of the avatar shown without a headshot: the first letters of the first and last name, skipping
     * honorifics and whatever follows a comma (post-nominals such as "MD"). A name that is only a title ("Dr.")
     * keeps its letter.
     */
    public String initials() {
        List<String> words = Arrays.stream(name.split(",", 2)[0].strip().split("\\s+"))
                .filter(word -> firstLetter(word) != null).toList();
        List<String> names = words.stream()
                .filter(word -> !HONORIFICS.contains(word.replace(".", "").toLowerCase(Locale.ROOT))).toList();
        List<String> chosen = names.isEmpty() ? words : names;
        if (chosen.isEmpty()) {
            return name.isBlank() ? "?" : name.strip().substring(0, name.strip().offsetByCodePoints(0, 1));
        }
        String first = firstLetter(chosen.get(0));
        return chosen.size() == 1 ? first : first + firstLetter(chosen.get(chosen.size() - 1));
    }

    private static String firstLetter(String word) {
        return word.codePoints().filter(Character::isLetter).limit(1)
                .mapToObj(letter -> Character.toString(letter).toUpperCase(Locale.ROOT)).findFirst().orElse(null);
    }
}
