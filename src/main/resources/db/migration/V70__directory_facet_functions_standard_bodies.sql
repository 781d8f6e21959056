-- V68's three functions again, unchanged in what they compute, with SQL-standard bodies (as V49's are): PostgreSQL
-- parses such a body when the function is created and records what it calls, where a quoted body is parsed at each
-- call with the caller's search_path. pg_restore runs with an empty search_path and recomputes the stored facets
-- column while it copies directory_entry, so with a quoted body directory_facets could not find
-- directory_region_words and the restore of the table failed.
--
-- (V68's comment says a phrase is matched in the index: GIN finds the rows with the phrase's words, and its recheck on
-- the row, which has the positions, confirms the phrase.)
--
-- What a region's words are follows the database's character settings ([[:alnum:]] and lower()): restored into a
-- database with another locale, or after an ICU or glibc upgrade that changes them, recompute the stored words with
-- "update directory_entry set region = region".
create or replace function directory_region_words(region text) returns text[]
    language sql immutable parallel safe
    return (select coalesce(array_agg(w), '{}')
            from regexp_split_to_table(lower(coalesce(region, '')), '[^[:alnum:]]+') as w where w <> '');

create or replace function directory_facets(region text, level smallint, topic_ids bigint[]) returns tsvector
    language sql immutable parallel safe
    return array_to_tsvector(array(
        select 'r:' || w from unnest(directory_region_words(region)) as w
        union select 'l:' || l from generate_series(1, level) as l
        union select 't:' || t from unnest(topic_ids) as t));

create or replace function directory_filter(region text, level smallint, topic bigint) returns tsquery
    language sql immutable parallel safe
    return nullif(array_to_string(array(
        select '''r:' || w || '''' from unnest(directory_region_words(region)) as w
        union all select '''r:''' where btrim(coalesce(region, '')) <> '' and cardinality(directory_region_words(region)) = 0
        union all select '''l:' || level || '''' where level > 0
        union all select '''t:' || topic || '''' where topic is not null), ' & '), '')::tsquery;
