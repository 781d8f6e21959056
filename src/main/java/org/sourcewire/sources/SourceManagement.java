package org.sourcewire.sources;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sourcewire.accounts.AccountView;
import org.sourcewire.accounts.Verifications;
import org.sourcewire.shared.TimeZones;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expert profiles: found by account, handle or id, created on first use, edited by their source. Headshots, topic
 * subscriptions and keyword alerts have their own services ({@link ProfileHeadshots}, {@link TopicSubscriptions},
 * {@link KeywordAlerts}).
 */
@Service
@Transactional
public class SourceManagement {

    /** The longest name, title, company and bio a profile keeps: the profile form's limits, for any form that fills one. */
    public static final int NAME_LIMIT = 100;
    public static final int TITLE_LIMIT = 100;
    public static final int COMPANY_LIMIT = 100;
    public static final int BIO_LIMIT = 600;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SourceProfiles profiles;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Verifications verifications;
    private final WebsiteProof websiteProof;

    SourceManagement(SourceProfiles profiles, JdbcClient jdbc, Clock clock, Verifications verifications,
            WebsiteProof websiteProof) {
        this.verifications = verifications;
        this.websiteProof = websiteProof;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Read with plain SQL (no entity), like every profile view: every pitch, pitch form and feed reads it. */
    @Transactional(readOnly = true)
    public Optional<ProfileView> findByAccount(long accountId) {
        return jdbc.sql(VIEW_SELECT + " where p.account_id = :id").param("id", accountId)
                .query(SourceManagement::view).optional().map(this::withChecks);
    }

    @Transactional(readOnly = true)
    public Optional<ProfileView> findByHandle(String handle) {
        return jdbc.sql(VIEW_SELECT + " where p.handle = :handle").param("handle", handle)
                .query(SourceManagement::view).optional().map(this::withChecks);
    }

    /** Profiles by id, for pages that list several (the inbox shows 25), in one query. */
    @Transactional(readOnly = true)
    public Map<Long, ProfileView> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<ProfileView> found = jdbc.sql(VIEW_SELECT + " where p.id in (:ids)").param("ids", ids)
                .query(SourceManagement::view).list();
        // Every profile's standing checks in one more statement, whatever the page's size.
        Map<Long, List<Verifications.Check>> checks = verifications.passed(found.stream().map(ProfileView::accountId).toList());
        return found.stream().map(view -> view.withChecks(checks.getOrDefault(view.accountId(), List.of())))
                .collect(Collectors.toMap(ProfileView::id, view -> view));
    }

    /** The profile names of these accounts (those with a profile), in one statement. */
    @Transactional(readOnly = true)
    public Map<Long, String> namesByAccount(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select account_id, name from source_profile where account_id in (:ids)").param("ids", accountIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private ProfileView withChecks(ProfileView view) {
        return view.withChecks(verifications.passed(view.accountId()));
    }

    private static final String VIEW_SELECT = """
            select p.id, p.account_id, p.handle, p.name, p.title, p.company, p.bio, p.website, p.region, p.time_zone,
                   p.expertise, p.links, exists (select 1 from source_headshot h where h.profile_id = p.id), p.updated_at
            from source_profile p""";

    private static ProfileView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ProfileView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                texts(rs.getArray(11)), texts(rs.getArray(12)), rs.getBoolean(13), rs.getTimestamp(14).toInstant());
    }

    private static List<String> texts(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /**
     * The source's profile, created on first use with the account's name. Two first visits at once (two tabs) make
     * one profile: the insert does nothing when the account already has one.
     */
    public ProfileView ensureProfile(AccountView source) {
        return ensureProfile(source, Optional.empty());
    }

    /** The same; a new profile starts in {@code zone} (the browser's, as listed), else in the default zone. */
    public ProfileView ensureProfile(AccountView source, Optional<ZoneId> zone) {
        if (!source.isSource()) {
            throw new IllegalArgumentException("Only sources have expert profiles");
        }
        Optional<ProfileView> existing = findByAccount(source.id());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 5; attempt++) {
            jdbc.sql("""
                    insert into source_profile (account_id, handle, name, time_zone, created_at, updated_at)
                    values (:account, :handle, :name, :zone, :now, :now)
                    on conflict do nothing""")
                    .param("account", source.id()).param("handle", newHandle(source.displayName()))
                    .param("name", source.displayName()).param("zone", zone.flatMap(TimeZones::listed).orElse(TimeZones.DEFAULT))
                    .param("now", Timestamp.from(now)).update();
            Optional<ProfileView> created = findByAccount(source.id());
            if (created.isPresent()) {
                return created.get();
            }
        }
        throw new IllegalStateException("Could not choose a free profile address for account " + source.id());
    }

    /**
     * Writes what introduces the source (name, title, company, bio; blank ones cleared) onto their profile, made now if
     * they have none (in {@code zone}, the browser's, as {@link #ensureProfile(AccountView, Optional)}), as the profile
     * form would: for a profile someone prepared that the source accepted. The rest of the profile stays as it is. The
     * caller has checked the limits, as the profile form does. Written through the entity (flushed at commit), so read
     * the profile after the transaction, not with SQL inside it.
     */
    public void introduce(AccountView source, String name, String title, String company, String bio,
            Optional<ZoneId> zone) {
        String cleanName = clean(name);
        if (cleanName == null || cleanName.length() > NAME_LIMIT || length(title) > TITLE_LIMIT
                || length(company) > COMPANY_LIMIT || length(bio) > BIO_LIMIT) {
            throw new IllegalArgumentException("A profile's name is required, and its fields within the form's limits");
        }
        ProfileView profile = ensureProfile(source, zone);
        update(profile.id(), new ProfileDetails(cleanName, clean(title), clean(company), clean(bio), profile.website(),
                profile.region(), profile.timeZone(), profile.expertise(), profile.links()));
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int length(String value) {
        return value == null ? 0 : value.strip().length();
    }

    void update(long profileId, ProfileDetails details) {
        SourceProfile profile = profiles.findForUpdate(profileId).orElseThrow();
        String before = profile.getWebsite();
        profile.update(details, clock.instant());
        // A proof is of one site: another website needs a proof of its own.
        websiteProof.websiteChanged(profile.getAccountId(), before, details.website());
    }

    /** "dr-priya-nair-k3x9qa": readable, and with a random tail so that it reveals nothing and never collides. */
    static String newHandle(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        StringBuilder tail = new StringBuilder();
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        for (int i = 0; i < 6; i++) {
            tail.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return slug.isEmpty() ? "expert-" + tail : slug + "-" + tail;
    }
}
