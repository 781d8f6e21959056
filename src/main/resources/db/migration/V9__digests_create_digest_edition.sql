-- Which editions a source receives. No row: all three (HARO's default); unsubscribing turns all three off.
create table digest_preference (
    source_id  bigint      primary key references source_profile (id) on delete cascade,
    morning    boolean     not null,
    midday     boolean     not null,
    evening    boolean     not null,
    updated_at timestamptz not null
);

-- One run of an edition for the sources of one time zone on one local date. last_source_id is the keyset
-- position: a run that stopped half-way (restart, crash) continues after it.
create table digest_edition (
    id             bigserial   primary key,
    time_zone      text        not null,
    edition_date   date        not null,
    edition        text        not null check (edition in ('MORNING', 'MIDDAY', 'EVENING')),
    due_at         timestamptz not null,
    last_source_id bigint      not null default 0,
    started_at     timestamptz not null,
    finished_at    timestamptz,
    constraint digest_edition_unique unique (time_zone, edition_date, edition)
);
create index digest_edition_unfinished_idx on digest_edition (id) where finished_at is null;

-- The guarantee that no edition reaches a source twice: inserted with the digest's outbox mail, in one transaction.
create table digest_delivery (
    source_id   bigint      not null references source_profile (id) on delete cascade,
    edition_id  bigint      not null references digest_edition (id),
    query_count int         not null,
    created_at  timestamptz not null,
    primary key (source_id, edition_id)
);

-- Every query a digest carried, so no query is sent to the same source twice. Without foreign keys, like
-- query_match: an edition writes tens of thousands of rows per batch, and readers join the profiles anyway.
create table digest_item (
    source_id  bigint not null,
    query_id   bigint not null,
    edition_id bigint not null,
    primary key (source_id, query_id)
);

-- The edition job walks one time zone's sources in id order, in batches.
create index source_profile_time_zone_idx on source_profile (time_zone, id);
