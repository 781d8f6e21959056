package org.sourcewire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every {@link SourcewireIntegrationTest} class shares one database, so a class that changes what every class reads
 * (settings, filler phrases, plans, topics, digest editions, shared rate-limit counters) breaks classes that run
 * after it, far from the cause. This guard reads those tables before each class and fails the class that left one
 * changed, naming the table and rows. It fails rather than restores: putting rows back behind a class's back would
 * hide what the class did (and a blind restore must also delete the rows that reference them, such as deliveries of
 * an edition), while the class itself knows what it changed and can put it back in an {@code @AfterEach}. The test
 * clock is reset after each test, so a moved clock cannot leak at all.
 */
public class SharedStateGuard implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    /**
     * One table every class reads: a query giving each row's key and its content, and whether a new key counts as a
     * change (a new topic is a class's own, like an account; a new setting, paid plan or edition is not).
     */
    record Watch(String table, String sql, boolean newRowsLeak, boolean removedRowsLeak) {
    }

    /** From the migrations: the tables that are not one account's rows. */
    static final List<Watch> WATCHES = List.of(
            new Watch("query_setting", "select name, value from query_setting", true, true),
            new Watch("boilerplate_phrase", "select lower(phrase), weight::text from boilerplate_phrase", true, true),
            // Pitch quotas; PlanAdminTests' page says "Every source is on Free" while nobody has a paid plan.
            new Watch("source_plan", "select 'account ' || account_id, plan from source_plan where plan <> 'FREE'", true, true),
            // New topics (TestTopics names them uniquely) are a class's own; the existing ones everybody picks from.
            new Watch("topic", "select id::text, concat_ws(' ', name, 'retired ' || retired_at, "
                    + "'merged into ' || merged_into_id) from topic", false, true),
            // An edition runs once per zone, local date and edition for the whole database.
            new Watch("digest_edition", "select concat_ws(' ', time_zone, edition_date, edition), "
                    + "concat_ws(' ', 'last source ' || last_source_id, 'finished ' || finished_at) from digest_edition",
                    true, true),
            // Counters of the loopback addresses every MockMvc request, browser and HTTP client shares (a test that
            // may be throttled sends from an address of its own: TestAccounts.fromOwnAddress).
            new Watch("mail_rate_limit", "select id, md5(coalesce(state, '')) from mail_rate_limit where id ~ :shared",
                    true, false),
            new Watch("login_failure", "select id::text, throttle_key from login_failure where throttle_key ~ :shared",
                    true, false),
            new Watch("app_secret", "select name, md5(value) from app_secret", false, true),
            // A confirmed outlet domain verifies every journalist at it: TestAccounts' addresses are all @example.com.
            new Watch("outlet_domain", "select domain, (confirmed_at is not null)::text from outlet_domain"
                    + " where domain in ('example.com', 'example.org', 'example.net')", true, true));

    /** Keys of loopback client addresses (::1 is 0:0:0:0:0:0:0:1, or 0:0:0:0::/64 as MailRateLimits keys it). */
    static final String SHARED_ADDRESSES = "^address:(127\\.|0:0:0:0:|::1|localhost)";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStateGuard.class);

    private static final int ROWS_SHOWN = 5;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getUniqueId(), read(jdbc(context)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        testClock(context).reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        testClock(context).reset();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> before = context.getStore(NAMESPACE).remove(context.getUniqueId(), Map.class);
        if (before == null) {
            return;
        }
        List<String> changes = changes(before, read(jdbc(context)));
        if (!changes.isEmpty()) {
            throw new AssertionError(context.getRequiredTestClass().getSimpleName()
                    + " left tables that every test class reads changed; put them back (e.g. in an @AfterEach) "
                    + "or use data of its own:\n  " + String.join("\n  ", changes));
        }
    }

    /** Each watched table's rows by key. */
    static Map<String, Map<String, String>> read(JdbcClient jdbc) {
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        for (Watch watch : WATCHES) {
            Map<String, String> rows = new TreeMap<>();
            var statement = jdbc.sql(watch.sql());
            if (watch.sql().contains(":shared")) {
                statement = statement.param("shared", SHARED_ADDRESSES);
            }
            statement.query((rs, n) -> rows.put(rs.getString(1), String.valueOf(rs.getString(2)))).list();
            tables.put(watch.table(), rows);
        }
        return tables;
    }

    /** What differs between two readings, a line per table that changed in a way that leaks. */
    static List<String> changes(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        List<String> changes = new ArrayList<>();
        for (Watch watch : WATCHES) {
            Map<String, String> was = before.getOrDefault(watch.table(), Map.of());
            Map<String, String> is = after.getOrDefault(watch.table(), Map.of());
            List<String> rows = new ArrayList<>();
            is.forEach((key, value) -> {
                if (!was.containsKey(key)) {
                    if (watch.newRowsLeak()) {
                        rows.add("added " + key + " = " + value);
                    }
                }
                else if (!was.get(key).equals(value)) {
                    rows.add("changed " + key + ": " + was.get(key) + " -> " + value);
                }
            });
            if (watch.removedRowsLeak()) {
                was.forEach((key, value) -> {
                    if (!is.containsKey(key)) {
                        rows.add("removed " + key + " = " + value);
                    }
                });
            }
            if (!rows.isEmpty()) {
                String shown = String.join("; ", rows.subList(0, Math.min(ROWS_SHOWN, rows.size())));
                changes.add(watch.table() + ": " + shown + (rows.size() > ROWS_SHOWN
                        ? " (and " + (rows.size() - ROWS_SHOWN) + " more)" : ""));
            }
        }
        return changes;
    }

    private static JdbcClient jdbc(ExtensionContext context) {
        return applicationContext(context).getBean(JdbcClient.class);
    }

    private static TestClock testClock(ExtensionContext context) {
        return applicationContext(context).getBean(TestClock.class);
    }

    private static ApplicationContext applicationContext(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context);
    }
}
