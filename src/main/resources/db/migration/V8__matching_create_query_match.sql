-- One row per (source, query) the matching service routed, with why: the query's topic is one the source chose
-- (by_topic), and/or the phrases of the source's keyword alerts that the query's text matched.
-- Keyed by source first: the feed and the digests read a source's matches; the fan-out only inserts.
create table query_match (
    source_id     bigint      not null references source_profile (id) on delete cascade,
    query_id      bigint      not null references journalist_query (id) on delete cascade,
    by_topic      boolean     not null,
    alert_phrases text[]      not null default '{}',
    matched_at    timestamptz not null,
    primary key (source_id, query_id),
    constraint query_match_has_reason check (by_topic or cardinality(alert_phrases) > 0)
);
