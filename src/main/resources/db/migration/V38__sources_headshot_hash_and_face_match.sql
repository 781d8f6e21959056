-- A difference hash (64 bits) of each stored headshot, and its 8 bytes as indexed bands: two hashes at most 7 bits
-- apart share at least one band (pigeonhole), so the search for the same photo on other accounts asks the band
-- indexes for candidates and checks the distance of those only. Null until hashed (upload, or the backfill job).
alter table source_headshot add column dhash bigint;
alter table source_headshot
    add column band0 smallint generated always as (cast((dhash >> 56) & 255 as smallint)) stored,
    add column band1 smallint generated always as (cast((dhash >> 48) & 255 as smallint)) stored,
    add column band2 smallint generated always as (cast((dhash >> 40) & 255 as smallint)) stored,
    add column band3 smallint generated always as (cast((dhash >> 32) & 255 as smallint)) stored,
    add column band4 smallint generated always as (cast((dhash >> 24) & 255 as smallint)) stored,
    add column band5 smallint generated always as (cast((dhash >> 16) & 255 as smallint)) stored,
    add column band6 smallint generated always as (cast((dhash >> 8) & 255 as smallint)) stored,
    add column band7 smallint generated always as (cast(dhash & 255 as smallint)) stored;
create index source_headshot_band0_idx on source_headshot (band0);
create index source_headshot_band1_idx on source_headshot (band1);
create index source_headshot_band2_idx on source_headshot (band2);
create index source_headshot_band3_idx on source_headshot (band3);
create index source_headshot_band4_idx on source_headshot (band4);
create index source_headshot_band5_idx on source_headshot (band5);
create index source_headshot_band6_idx on source_headshot (band6);
create index source_headshot_band7_idx on source_headshot (band7);
create index source_headshot_unhashed_idx on source_headshot (profile_id) where dhash is null;

-- Two profiles (so two accounts) whose headshots are the same photo: the admins' queue. profile_a < profile_b, so a
-- pair is one row; an admin's decision stays (a pair found "different people" is not queued again).
create table face_match (
    id          bigint      generated always as identity primary key,
    profile_a   bigint      not null references source_profile (id) on delete cascade,
    profile_b   bigint      not null references source_profile (id) on delete cascade,
    distance    int         not null,
    status      text        not null default 'OPEN' check (status in ('OPEN', 'DIFFERENT_PEOPLE', 'DEALT_WITH')),
    found_at    timestamptz not null,
    decided_at  timestamptz,
    decided_by  bigint      references account (id) on delete set null,
    constraint face_match_pair unique (profile_a, profile_b),
    constraint face_match_ordered check (profile_a < profile_b)
);
create index face_match_open_idx on face_match (found_at desc, id desc) where status = 'OPEN';
create index face_match_profile_b_idx on face_match (profile_b);
