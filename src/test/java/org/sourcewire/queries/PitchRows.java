package org.sourcewire.queries;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pitches written straight into the database for pages that show figures about many of them (the query list); each
 * from a new source, submitted from 90 minutes after the query was published, one a minute.
 */
public final class PitchRows {

    private PitchRows() {
    }

    /** Pitches to the query, in this order, each from a new source; "!" marks a flagged one. Their ids. */
    public static List<Long> insert(JdbcClient jdbc, long query, String... statuses) {
        return jdbc.sql("""
                with wanted as (
                    select s.status, s.n from unnest(string_to_array(:statuses, ',')) with ordinality as s(status, n)),
                account_rows as (
                    insert into account (email, password_hash, display_name, role, email_verified_at, password_changed_at, created_at)
                    select 'listed-' || :query || '-' || n || '@example.com', 'x', 'Listed Source ' || n, 'SOURCE', now(), now(), now()
                    from wanted returning id, display_name),
                profiles as (
                    insert into source_profile (account_id, handle, name, created_at, updated_at)
                    select id, 'listed-' || :query || '-' || id, display_name, now(), now() from account_rows
                    returning id, name),
                numbered as (
                    select p.id, cast(substring(p.name from 'Listed Source (\\d+)') as int) as n from profiles p)
                insert into pitch (public_id, query_id, source_id, status, word_count, submission_key, submitted_at,
                                   updated_at, flagged, score)
                select gen_random_uuid(), :query, numbered.id, rtrim(wanted.status, '!'), 170, gen_random_uuid(),
                       q.published_at + interval '90 minutes' + (wanted.n - 1) * interval '1 minute', now(),
                       wanted.status like '%!', 60
                from numbered join wanted on wanted.n = numbered.n join journalist_query q on q.id = :query
                order by wanted.n
                returning id""")
                .param("statuses", String.join(",", statuses)).param("query", query).query(Long.class).list()
                .stream().sorted().toList();
    }

    /** A follow-up message on the pitch, {@code after} its submission. */
    public static void message(JdbcClient jdbc, long pitch, boolean fromSource, String after) {
        jdbc.sql("""
                insert into pitch_message (pitch_id, from_source, author_id, body, created_at)
                select p.id, :fromSource, case when :fromSource then s.account_id else q.journalist_id end, 'A message',
                       p.submitted_at + cast(:after as interval)
                from pitch p join source_profile s on s.id = p.source_id join journalist_query q on q.id = p.query_id
                where p.id = :pitch""")
                .param("pitch", pitch).param("fromSource", fromSource).param("after", after).update();
    }
}
