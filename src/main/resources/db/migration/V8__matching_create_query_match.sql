-- One row per (source, query) the matching service routed, with why: the query's topic is one the source chose
-- (by_topic), and/or the phrases of the source's keyword alerts that the query's text matched.
-- Keyed by source first: the feed and the digests read a source's matches; the fan-out only inserts.
-- No foreign keys on purpose: a query fans out to 100,000+ sources in one statement, and a referential-integrity
-- check per inserted row would cost more than the insert itself. Readers join source_profile and journalist_query
-- anyway, so a row left behind by a deleted profile is never shown.
create table query_match (
    source_id     bigint      not null,
    query_id      bigint      not null,
    by_topic      boolean     not null,
    alert_phrases text[]      not null default '{}',
    matched_at    timestamptz not null,
    primary key (source_id, query_id),
    constraint query_match_has_reason check (by_topic or cardinality(alert_phrases) > 0)
);

-- The few sources that must not be matched (unverified or suspended), so the fan-out leaves them out without
-- looking up the account of every subscriber.
create index account_inactive_source_idx on account (id)
    where role = 'SOURCE' and (email_verified_at is null or suspended_at is not null);
