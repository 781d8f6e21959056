-- Every filter of a search as words of one GIN index, so that several filters meet inside the index and only the
-- experts that pass all of them are read from the table. Before, each filter had an index of its own (the region a
-- trigram index, the topics an array index, the words the document's index) and a search combining two common ones
-- built two bitmaps of 60,000 to 80,000 rows to keep a few hundred: "coffee" in Texas took 70 to 95 ms at 1,000,000
-- sources; in one index, 5 ms.
--
-- facets holds the document (its words with their positions, so a phrase is matched in the index too) and, as words no
-- parser can produce because of the colon:
--   r:<word>   each word of the region, lower case ("Austin, Texas": r:austin, r:texas), so a region filter matches
--              whole words in any case ("texas" finds "Austin, Texas");
--   l:<n>      every verification level up to the expert's own (sources.ExpertLevel's ordinal), so "at least level
--              n" is the one word l:n;
--   t:<id>     each topic the expert follows.

-- The words of a region, lower case: what a region filter matches, in the facets and in the walks' checks on a row.
create function directory_region_words(region text) returns text[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(w), '{}')
    from regexp_split_to_table(lower(coalesce(region, '')), '[^[:alnum:]]+') as w where w <> ''
$$;

create function directory_facets(region text, level smallint, topic_ids bigint[]) returns tsvector
    language sql immutable parallel safe as $$
    select array_to_tsvector(array(
        select 'r:' || w from unnest(directory_region_words(region)) as w
        union select 'l:' || l from generate_series(1, level) as l
        union select 't:' || t from unnest(topic_ids) as t))
$$;

alter table directory_entry add column facets tsvector
    generated always as (search_document || directory_facets(region, level, topic_ids)) stored;

create index directory_entry_facets_idx on directory_entry using gin (facets);

-- What the facets index now answers. The name's trigram index stays (a name spelt nearly right).
drop index directory_entry_document_idx;
drop index directory_entry_region_trgm_idx;
drop index directory_entry_topics_idx;

-- A search's filters as one query on facets, or null when it has none: each word of the region typed, at least the
-- level, the topic. Whole words: a prefix ('r:tex':*) is a partial match, which GIN answers by collecting every
-- expert of every matching word into a bitmap before it can intersect anything (35 ms for a region of 67,000). A
-- region with no word in it ("%") is the word "r:", which no expert has: it matches nobody rather than everybody.
create function directory_filter(region text, level smallint, topic bigint) returns tsquery
    language sql immutable parallel safe as $$
    select nullif(array_to_string(array(
        select '''r:' || w || '''' from unnest(directory_region_words(region)) as w
        union all select '''r:''' where btrim(coalesce(region, '')) <> '' and cardinality(directory_region_words(region)) = 0
        union all select '''l:' || level || '''' where level > 0
        union all select '''t:' || topic || '''' where topic is not null), ' & '), '')::tsquery
$$;
