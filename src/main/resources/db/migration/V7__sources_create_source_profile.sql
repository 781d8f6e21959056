-- An expert's public profile. One per source account for now (agency teams may later manage several).
create table source_profile (
    id          bigserial primary key,
    account_id  bigint      not null references account (id),
    -- The stable part of the public URL (/experts/{handle}); chosen once, never changed by a rename.
    handle      text        not null,
    name        text        not null,
    title       text,
    company     text,
    bio         text,
    website     text,
    region      text,
    time_zone   text        not null default 'America/New_York',
    expertise   text[]      not null default '{}',
    links       text[]      not null default '{}',
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0,
    constraint source_profile_account_unique unique (account_id),
    constraint source_profile_handle_unique unique (handle)
);

-- The headshot, re-encoded and resized on upload; kept in the database so every app instance serves it.
create table source_headshot (
    profile_id   bigint      primary key references source_profile (id) on delete cascade,
    image        bytea       not null,
    content_type text        not null,
    width        int         not null,
    height       int         not null,
    updated_at   timestamptz not null
);

-- Topic subscriptions. The (topic_id, source_id) index serves the fan-out of a query to its topic's subscribers.
create table topic_subscription (
    source_id  bigint      not null references source_profile (id) on delete cascade,
    topic_id   bigint      not null references topic (id),
    created_at timestamptz not null,
    primary key (source_id, topic_id)
);
create index topic_subscription_topic_idx on topic_subscription (topic_id, source_id);

-- Keyword alerts: a word or phrase; "lexemes" are its stemmed words, so matching can ask the GIN index for the
-- alerts whose every word occurs in a query (lexemes <@ the query's lexemes) instead of scanning all alerts.
create table keyword_alert (
    id         bigserial   primary key,
    source_id  bigint      not null references source_profile (id) on delete cascade,
    phrase     text        not null,
    lexemes    text[]      generated always as (tsvector_to_array(to_tsvector('english', phrase))) stored,
    created_at timestamptz not null
);
create unique index keyword_alert_source_phrase_unique on keyword_alert (source_id, lower(phrase));
create index keyword_alert_lexemes_idx on keyword_alert using gin (lexemes);

-- An alert with topics matches only queries in those topics; without rows here it matches every topic.
create table keyword_alert_topic (
    alert_id bigint not null references keyword_alert (id) on delete cascade,
    topic_id bigint not null references topic (id),
    primary key (alert_id, topic_id)
);
create index keyword_alert_topic_topic_idx on keyword_alert_topic (topic_id);
