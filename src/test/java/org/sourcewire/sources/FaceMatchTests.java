package org.sourcewire.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sourcewire.IntegrationTest;
import org.sourcewire.accounts.AccountManagement;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.accounts.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sourcewire.accounts.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

class FaceMatchTests extends IntegrationTest {

    @Autowired
    SourceManagement sourceManagement;

    @Autowired
    AccountManagement accountManagement;

    @Autowired
    FaceMatches faces;

    @Test
    void theSamePhotoOnTwoAccountsGoesToTheAdminsQueueAndAnotherFaceDoesNot() {
        long seed = 9001;
        long first = uploadPortrait(accounts.source("Rita First", TestAccounts.uniqueEmail("rita")),
                FaceImages.png(FaceImages.portrait(seed, 800)));
        long copy = uploadPortrait(accounts.source("Rhea Copy", TestAccounts.uniqueEmail("rhea")),
                FaceImages.jpeg(FaceImages.resized(FaceImages.portrait(seed, 800), 350, 350), 0.7f));
        long other = uploadPortrait(accounts.source("Olga Other", TestAccounts.uniqueEmail("olga")),
                FaceImages.png(FaceImages.portrait(seed + 1, 800)));

        assertThat(openPairsOf(first)).containsExactly(copy);
        assertThat(openPairsOf(other)).isEmpty();

        CurrentUser admin = accounts.admin();
        assertThat(mvc.get().uri("/admin/faces").with(as(admin))).hasStatusOk().bodyText()
                .contains("Rita First").contains("Rhea Copy").doesNotContain("Olga Other");
    }

    @Test
    void anAdminMarksDifferentPeopleAuditedAndThePairIsNotQueuedAgain() {
        byte[] photo = FaceImages.png(FaceImages.portrait(9101, 600));
        CurrentUser a = accounts.source("Ann Twin", TestAccounts.uniqueEmail("ann"));
        long first = uploadPortrait(a, photo);
        long second = uploadPortrait(accounts.source("Ada Twin", TestAccounts.uniqueEmail("ada")), photo);
        long match = jdbc.sql("select id from face_match where profile_a = :a and profile_b = :b")
                .param("a", Math.min(first, second)).param("b", Math.max(first, second)).query(Long.class).single();
        CurrentUser admin = accounts.admin();

        assertThat(mvc.post().uri("/admin/faces/{id}/different-people", match).with(csrf()).with(as(admin)))
                .hasRedirectedUrl("/admin/faces");

        assertThat(jdbc.sql("select status from face_match where id = :id").param("id", match).query(String.class)
                .single()).isEqualTo("DIFFERENT_PEOPLE");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'face.different_people' and subject = :s"
                + " and actor_id = :admin").param("s", "face match " + match).param("admin", admin.id())
                .query(Integer.class).single()).isEqualTo(1);
        uploadPortrait(a, photo);
        assertThat(openPairsOf(first)).isEmpty();
        assertThat(mvc.post().uri("/admin/faces/{id}/dealt-with", match).with(csrf()).with(as(admin)))
                .hasRedirectedUrl("/admin/faces").flash().containsKey("info");
    }

    @Test
    void onlyAdminsSeeOrDecideTheQueueAndDecisionsNeedCsrf() {
        byte[] photo = FaceImages.png(FaceImages.portrait(9201, 600));
        long first = uploadPortrait(accounts.source(), photo);
        long second = uploadPortrait(accounts.source(), photo);
        long match = jdbc.sql("select id from face_match where profile_a = :a and profile_b = :b")
                .param("a", Math.min(first, second)).param("b", Math.max(first, second)).query(Long.class).single();

        assertThat(mvc.get().uri("/admin/faces").with(as(accounts.source()))).hasStatus(403);
        assertThat(mvc.get().uri("/admin/faces").with(as(accounts.journalist()))).hasStatus(403);
        assertThat(mvc.post().uri("/admin/faces/{id}/dealt-with", match).with(csrf()).with(as(accounts.source())))
                .hasStatus(403);
        assertThat(mvc.post().uri("/admin/faces/{id}/dealt-with", match).with(as(accounts.admin()))).hasStatus(403);
        assertThat(openPairsOf(first)).containsExactly(second);
    }

    @Test
    void aRemovedHeadshotLeavesTheQueue() {
        byte[] photo = FaceImages.png(FaceImages.portrait(9301, 600));
        CurrentUser source = accounts.source();
        long first = uploadPortrait(source, photo);
        uploadPortrait(accounts.source(), photo);

        assertThat(mvc.post().uri("/profile/headshot/remove").with(csrf()).with(as(source))).hasRedirectedUrl("/profile");

        assertThat(openPairsOf(first)).isEmpty();
    }

    @Test
    void theBackfillHashesHeadshotsStoredBeforeHashingAndQueuesTheirMatches() {
        byte[] photo = FaceImages.png(FaceImages.portrait(9401, 600));
        long first = uploadPortrait(accounts.source(), photo);
        long second = uploadPortrait(accounts.source(), photo);
        jdbc.sql("update source_headshot set dhash = null where profile_id in (:ids)").param("ids", List.of(first, second))
                .update();
        jdbc.sql("delete from face_match where profile_a in (:ids) or profile_b in (:ids)")
                .param("ids", List.of(first, second)).update();

        assertThat(faces.backfill(HeadshotHashBackfill.PER_RUN)).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.sql("select count(*) from source_headshot where profile_id in (:ids) and dhash is not null")
                .param("ids", List.of(first, second)).query(Integer.class).single()).isEqualTo(2);
        assertThat(openPairsOf(first)).containsExactly(second);
        assertThat(faces.backfill(HeadshotHashBackfill.PER_RUN)).isZero();
    }

    @Test
    void theCandidateSearchFindsTheNearHashesAmongThousandsAndNotTheFar() {
        Random random = new Random(42);
        long target = random.nextLong();
        List<Long> hashes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            hashes.add(random.nextLong());
        }
        // Near ones at 0 to 7 bits (found whichever bits differ), far ones at 8 to 12 bits.
        for (int bits = 0; bits <= 12; bits++) {
            hashes.add(flip(target, bits, random));
        }
        List<Long> profiles = insertHeadshots(hashes);
        long self = profiles.get(0);

        Map<Long, Integer> near = faces.near(target, self);

        Map<Long, Integer> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < hashes.size(); i++) {
            int distance = HeadshotHash.distance(target, hashes.get(i));
            if (distance <= HeadshotHash.MAX_DISTANCE && profiles.get(i) != self) {
                expected.put(profiles.get(i), distance);
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(8);
        assertThat(near).containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static long flip(long hash, int bits, Random random) {
        long flipped = hash;
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        while (chosen.size() < bits) {
            chosen.add(random.nextInt(64));
        }
        for (int bit : chosen) {
            flipped ^= 1L << bit;
        }
        return flipped;
    }

    /** Accounts, profiles and (hashed) headshots in three statements: synthetic rows, the image a placeholder. */
    private List<Long> insertHeadshots(List<Long> hashes) {
        String prefix = "synthetic-face-" + System.nanoTime() + "-";
        jdbc.sql("""
                insert into account (email, password_hash, display_name, role, email_verified_at, password_changed_at, created_at)
                select :prefix || n || '@faces.example', 'x', 'Synthetic ' || n, 'SOURCE', now(), now(), now()
                from generate_series(1, :count) n""").param("prefix", prefix).param("count", hashes.size()).update();
        jdbc.sql("""
                insert into source_profile (account_id, handle, name, created_at, updated_at)
                select id, 'h-' || id, display_name, now(), now() from account where email like :prefix || '%'""")
                .param("prefix", prefix).update();
        List<Long> profiles = jdbc.sql("""
                select p.id from source_profile p join account a on a.id = p.account_id
                where a.email like :prefix || '%' order by p.id""").param("prefix", prefix).query(Long.class).list();
        jdbc.sql("""
                insert into source_headshot (profile_id, image, content_type, width, height, updated_at, dhash)
                select p, '\\x00'::bytea, 'image/jpeg', 1, 1, now(), h
                from unnest(cast(:profiles as bigint[]), cast(:hashes as bigint[])) as t(p, h)""")
                .param("profiles", profiles.toArray(Long[]::new)).param("hashes", hashes.toArray(Long[]::new)).update();
        return profiles;
    }

    private long uploadPortrait(CurrentUser source, byte[] picture) {
        long profile = sourceManagement.ensureProfile(accountManagement.find(source.id()).orElseThrow()).id();
        MvcTestResult result = mvc.post().uri("/profile/headshot").multipart()
                .file(new MockMultipartFile("headshot", "me.png", "image/png", picture)).with(csrf()).with(as(source))
                .exchange();
        assertThat(result).hasRedirectedUrl("/profile");
        return profile;
    }

    private List<Long> openPairsOf(long profile) {
        return jdbc.sql("""
                select case when profile_a = :id then profile_b else profile_a end from face_match
                where status = 'OPEN' and (profile_a = :id or profile_b = :id) order by 1""")
                .param("id", profile).query(Long.class).list();
    }
}
