-- A used pitch's article: recorded by the journalist, or proposed by the source and then confirmed by the journalist.
-- The latest reading of the article sits on the row (what both sides see first); every reading is in
-- placement_check. One placement per pitch: a new address replaces the old one and starts the checks again.
create table placement (
    id              bigint      generated always as identity primary key,
    pitch_id        bigint      not null unique references pitch (id) on delete cascade,
    article_url     text        not null,
    state           text        not null check (state in ('PROPOSED', 'CONFIRMED')),
    proposed_by     text        not null check (proposed_by in ('JOURNALIST', 'SOURCE')),
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    -- The latest successful reading; link_kind is null when no link to the source's site was found.
    checked_at      timestamptz,
    link_kind       text check (link_kind in ('FOLLOWED', 'NOFOLLOW', 'SPONSORED', 'UGC')),
    mentioned       boolean,
    quoted          boolean,
    title           text,
    canonical_url   text,
    published_at    timestamptz,
    -- The schedule: the reading at confirmation is round 0, then one per entry of sourcewire.placements.recheck-after.
    round           int         not null default 0,
    failures        int         not null default 0,
    next_check_at   timestamptz,
    -- A checker's lease, so two app instances (or the job and the check right after confirmation) never read the
    -- same placement at once.
    claimed_until   timestamptz
);
create index placement_due_idx on placement (next_check_at) where next_check_at is not null and state = 'CONFIRMED';

create table placement_check (
    id            bigint      generated always as identity primary key,
    placement_id  bigint      not null references placement (id) on delete cascade,
    checked_at    timestamptz not null,
    round         int         not null,
    -- null when the article was read; otherwise why it could not be (the site was down, the page is gone...).
    error         text,
    final_url     text,
    link_kind     text check (link_kind in ('FOLLOWED', 'NOFOLLOW', 'SPONSORED', 'UGC')),
    -- Each link to the source's site: [{"href", "anchor", "kind", "target"}], target after redirects.
    links         jsonb       not null default '[]',
    mentioned     boolean,
    quoted        boolean,
    title         text,
    canonical_url text,
    published_at  timestamptz
);
create index placement_check_placement_idx on placement_check (placement_id, checked_at desc, id desc);
