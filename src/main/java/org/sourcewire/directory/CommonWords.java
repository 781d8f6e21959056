package org.sourcewire.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The words that many listed experts' names and expertise hold, as PostgreSQL's own statistics count them (the most
 * common elements of {@code directory_entry.expertise_words}, which ANALYZE keeps: up to ten times the statistics
 * target, 1,000 by default). A word search whose words are all common walks the activity index, where its first page
 * comes early; a search with a rarer word (a misspelt name, a specialist term) has few matches anywhere, and goes
 * straight to the facets index instead of walking 10,000 index rows to find none (7 ms of a misspelt name's 30 at
 * 1,000,000 sources). Read again every ten minutes. Without statistics (a new or restored database before its first
 * ANALYZE) every word counts as common, so searches walk as they did before this class, and the statistics are asked
 * for again a minute later.
 */
@Component
class CommonWords {

    private static final Duration FRESH = Duration.ofMinutes(10);

    /** How long "no statistics yet" is believed. */
    private static final Duration NONE_YET = Duration.ofMinutes(1);

    /** A lexeme in a tsquery's text form: quoted, a quote or a backslash inside doubled. */
    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')*)'");

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    CommonWords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Snapshot(Set<String> words, Instant readAt) {
    }

    /** Whether this query ({@code websearch_to_tsquery}'s text) needs a word that few experts have. */
    boolean hasRareWord(String tsquery) {
        Set<String> common = common();
        return !common.isEmpty() && hasRareWord(tsquery, common);
    }

    /**
     * Only a plain query counts: words that must all be there (joined by {@code &} or a phrase's {@code <->}). With
     * an "or" or a "not", a rare word does not make the matches few, so such a query walks as before.
     */
    static boolean hasRareWord(String tsquery, Set<String> common) {
        if (tsquery == null || tsquery.isBlank() || tsquery.contains("|") || tsquery.contains("!")) {
            return false;
        }
        Matcher lexeme = LEXEME.matcher(tsquery);
        while (lexeme.find()) {
            if (!common.contains(lexeme.group(1).replace("''", "'").replace("\\\\", "\\"))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> common() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || now.isBefore(current.readAt())
                || !now.isBefore(current.readAt().plus(current.words().isEmpty() ? NONE_YET : FRESH))) {
            // The table's own schema, whatever the search path puts first.
            List<String> words = jdbc.sql("""
                    select unnest(s.most_common_elems::text::text[]) from pg_stats s
                    join pg_class c on c.relname = s.tablename join pg_namespace n on n.oid = c.relnamespace
                    where c.oid = 'directory_entry'::regclass and s.schemaname = n.nspname
                      and s.attname = 'expertise_words'""")
                    .query(String.class).list();
            current = new Snapshot(Set.copyOf(words), now);
            snapshot = current;
        }
        return current.words();
    }
}
