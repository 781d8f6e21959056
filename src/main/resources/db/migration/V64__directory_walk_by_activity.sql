-- A word search walks the listed experts from the most recently active and stops after a page of matches, instead of
-- fetching and ranking every match: a common word matches 100,000 experts at 1,000,000 sources, and building that
-- match list alone cost 20-30 ms. The walk reads only this index (an index-only scan); the words are checked against
-- expertise_words, the name and expertise part of the search document (weight A) without positions, small enough for
-- an index row (at most about 1.3 kB: a 100-character name and 600 characters of expertise). Topic ids stay out of the
-- index: an expert may follow any number of topics, and an index row holds at most 2.7 kB.
alter table directory_entry add column expertise_words tsvector
    generated always as (strip(ts_filter(search_document, '{a}'))) stored;

create index directory_entry_activity_idx on directory_entry (last_pitched_at desc nulls last, name, profile_id)
    include (level, region, expertise_words);
