package org.sourcewire.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.sourcewire.accounts.CurrentUser;
import org.sourcewire.queries.TestQueries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journalist with 300 pitches to one query decides every one of them with the keyboard in the triage inbox: the
 * list beside the reading pane, s and d moving on by themselves, an undo, a pitch marked used, the shortlist compared;
 * then the same inbox on a phone. The keystrokes and the time taken are written to target/triage-journey.txt.
 */
class TriageJourneyBrowserTests extends BrowserJourney {

    static final int PITCHES = 300;

    private static final String PANE_ID = "var p = document.querySelector('#pane [data-pane]'); return p ? p.getAttribute('data-pitch-id') : null;";

    @Test
    void aJournalistDecidesThreeHundredPitchesWithTheKeyboard() throws IOException {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        seed(query);

        logIn(journalist.email());
        browser.visit("/queries/" + query + "/pitches");
        assertThat(browser.text()).contains("All (300)").contains("Choose a pitch to read it here.")
                .contains("answered 3 of 3").contains("Page 1 of 6");
        browser.screenshot("triage-inbox");

        long started = System.nanoTime();
        int keystrokes = 0;
        int decided = 0;
        String lastPane = null;
        browser.keys("j");
        keystrokes++;
        lastPane = awaitPaneOtherThan(lastPane);
        browser.screenshot("triage-pane");

        while (decided < PITCHES) {
            decided++;
            if (decided == 5) {
                // Declined by mistake: undo, then shortlist it instead.
                browser.keys("d");
                keystrokes++;
                browser.waitUntil("return !!document.querySelector('#toast [data-undo]')", 5);
                lastPane = awaitPaneOtherThan(lastPane);
                browser.screenshot("triage-undo-toast");
                String undone = lastPane;
                browser.keys("z");
                keystrokes++;
                browser.waitUntil("return !!document.querySelector('#pane [data-pane]') && document.querySelector('#pane [data-pane]')"
                        + ".getAttribute('data-pitch-id') !== '" + undone + "' && document.querySelector('#toast').textContent.includes('Undone')", 5);
                lastPane = (String) browser.script(PANE_ID);
                assertThat(status(lastPane)).isEqualTo("VIEWED");
                browser.keys("s");
                keystrokes++;
            }
            else if (decided == 7) {
                // Used: the URL box in the pane, typed and sent with Enter; then on to the next one.
                browser.keys("u");
                browser.waitUntil("return document.activeElement && document.activeElement.id === 'pane-url'", 5);
                browser.keys("https://ledger.example/night-shifts", Keys.ENTER);
                keystrokes += 2 + "https://ledger.example/night-shifts".length();
                browser.waitUntilText("Marked as used.");
                browser.keys("j");
                keystrokes++;
            }
            else {
                browser.keys(decided % 10 == 1 ? "s" : "d");
                keystrokes++;
            }
            if (decided < PITCHES) {
                lastPane = awaitPaneOtherThan(lastPane);
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "select count(*) from pitch where query_id = :q and status in ('SUBMITTED', 'VIEWED')").param("q", query)
                .query(Integer.class).single() == 0);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(jdbc.sql("select status, count(*) from pitch where query_id = :q group by status order by status")
                .param("q", query).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                .containsExactly("DECLINED=" + (PITCHES - 32), "SHORTLISTED=31", "USED=1");
        browser.screenshot("triage-decided");

        Files.createDirectories(Path.of("target"));
        String report = "Triage journey: " + PITCHES + " pitches decided with " + keystrokes + " keystrokes in "
                + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s (" + String.format(java.util.Locale.ROOT,
                        "%.2f", keystrokes / (double) PITCHES) + " keys a pitch, including one undo and one article URL typed)";
        Files.writeString(Path.of("target/triage-journey.txt"), report + "\n");
        System.out.println(report);

        browser.visit("/queries/" + query + "/pitches?status=shortlisted");
        assertThat(browser.text()).contains("Shortlisted (31)").contains("Declined (" + (PITCHES - 32) + ")");
        browser.clickLink("Compare the shortlist (31)");
        assertThat(browser.text()).contains("Compare the shortlist").contains(TestQueries.QUESTIONS.get(1))
                .contains("Markdown").contains("CSV (spreadsheet)");
        browser.screenshot("triage-compare");
        browser.resize(375, 812);
        assertThat(browser.horizontalOverflow()).as("the table scrolls inside its box, not the page").isZero();
        browser.screenshot("triage-compare-phone");
        browser.resize(1280, 900);
    }

    @Test
    void onAPhoneTheInboxIsAListThatOpensAPitch() {
        CurrentUser journalist = accounts.journalist();
        long query = queries.by(journalist).publish();
        seed(query);
        logIn(journalist.email());
        browser.resize(375, 812);
        browser.visit("/queries/" + query + "/pitches");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.screenshot("triage-phone");
        String first = (String) browser.script("return document.querySelector('[data-pitch-row]').getAttribute('data-pitch-id')");
        browser.script("document.querySelector('[data-row-link]').click()");
        browser.waitUntil("return location.pathname.startsWith('/pitches/')", 5);
        assertThat(browser.path()).isEqualTo("/pitches/" + first);
        assertThat(browser.text()).contains("Shortlist").contains("Mark as used");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.resize(1280, 900);
    }

    /** Waits until the pane shows a pitch other than {@code previous} (the next one), and returns it. */
    private String awaitPaneOtherThan(String previous) {
        browser.waitUntil("var p = document.querySelector('#pane [data-pane]'); return !!p && p.getAttribute('data-pitch-id') !== "
                + (previous == null ? "null" : "'" + previous + "'") + " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling');", 10);
        return (String) browser.script(PANE_ID);
    }

    private String status(String publicId) {
        return jdbc.sql("select status from pitch where public_id = cast(:id as uuid)").param("id", publicId)
                .query(String.class).single();
    }

    /** 300 screened pitches from 300 sources, with scores and reasons as screening gives them. */
    private void seed(long query) {
        jdbc.sql("""
                with account_rows as (
                    insert into account (email, password_hash, display_name, role, email_verified_at, password_changed_at, created_at)
                    select 'triage-' || :query || '-' || n || '@example.com', 'x', 'Expert ' || n, 'SOURCE', now(), now(), now()
                    from generate_series(1, :n) n returning id, display_name),
                profiles as (
                    insert into source_profile (account_id, handle, name, title, company, created_at, updated_at)
                    select id, 'triage-' || :query || '-' || id, display_name,
                           (array['Sleep physician', 'Night-shift nurse', 'Occupational psychologist', 'Roster planner'])[1 + id % 4],
                           (array['Mercy Hospital', 'St Luke''s', 'Northern Rail', 'City Transit'])[1 + id % 4], now(), now()
                    from account_rows returning id),
                pitches as (
                    insert into pitch (public_id, query_id, source_id, status, word_count, submission_key, submitted_at, updated_at,
                                       score, flagged, reasons, screened_at)
                    select gen_random_uuid(), :query, id, 'SUBMITTED', 120 + id % 80, gen_random_uuid(),
                           now() - (id % 500) * interval '1 minute', now(), 30 + id % 70, id % 9 = 0,
                           case when id % 3 = 0
                                then '[{"text":"checkable specifics: figures, names, places","effect":12,"warning":false},{"text":"answers every question","effect":6,"warning":false}]'::jsonb
                                else '[{"text":"nothing a journalist could check: no figures, names or places","effect":-14,"warning":true},{"text":"on topic but generic: nothing specific","effect":-8,"warning":true},{"text":"answers every question","effect":4,"warning":false}]'::jsonb
                           end, now()
                    from profiles returning id, source_id)
                insert into pitch_answer (pitch_id, position, answer)
                select id, q, (array['Nurses on our ward sleep 5.5 hours after nights; we moved handover to 7:30 and it rose to 6.4.',
                                     'A 0.5 mg dose of melatonin four hours before sleep helped 12 of 20 in our 2024 pilot.',
                                     'Forward-rotating rosters with 11 hours between shifts, as the 2023 Rail Safety review advised.'])[q + 1]
                from pitches, generate_series(0, 2) q""")
                .param("query", query).param("n", PITCHES).update();
    }
}
