-- A source's answer to a query. One per source per query; the public id is what URLs show, so ids reveal nothing.
create table pitch (
    id               bigserial   primary key,
    public_id        uuid        not null,
    query_id         bigint      not null references journalist_query (id),
    source_id        bigint      not null references source_profile (id),
    status           text        not null check (status in ('SUBMITTED', 'VIEWED', 'SHORTLISTED', 'DECLINED', 'USED')),
    why_me           text,
    word_count       int         not null,
    -- The form's one-time key: a re-sent submit finds the pitch it already made instead of failing.
    submission_key   uuid        not null,
    decline_reason   text,
    article_url      text,
    submitted_at     timestamptz not null,
    updated_at       timestamptz not null,
    viewed_at        timestamptz,
    status_changed_at timestamptz,
    version          bigint      not null default 0,
    constraint pitch_public_id_unique unique (public_id),
    constraint pitch_one_per_source unique (query_id, source_id)
);
-- The inbox reads a query's pitches by status and time; "my pitches" reads a source's by time.
create index pitch_inbox_idx on pitch (query_id, status, submitted_at desc, id desc);
create index pitch_source_idx on pitch (source_id, submitted_at desc, id desc);

create table pitch_answer (
    pitch_id bigint not null references pitch (id) on delete cascade,
    position int    not null,
    answer   text   not null,
    primary key (pitch_id, position)
);

-- Journalists' reports on pitches; admins work through the open ones.
create table pitch_report (
    id           bigserial   primary key,
    pitch_id     bigint      not null references pitch (id) on delete cascade,
    reporter_id  bigint      not null references account (id),
    reason       text        not null check (reason in ('SPAM', 'OFF_TOPIC', 'AI_BOILERPLATE', 'ABUSIVE')),
    note         text,
    status       text        not null default 'OPEN' check (status in ('OPEN', 'UPHELD', 'DISMISSED')),
    created_at   timestamptz not null,
    constraint pitch_report_once unique (pitch_id, reporter_id)
);
create index pitch_report_open_idx on pitch_report (created_at) where status = 'OPEN';

-- Follow-up messages between a query's journalist and the pitching source.
create table pitch_message (
    id          bigserial   primary key,
    pitch_id    bigint      not null references pitch (id) on delete cascade,
    from_source boolean     not null,
    author_id   bigint      not null references account (id),
    body        text        not null,
    created_at  timestamptz not null
);
create index pitch_message_pitch_idx on pitch_message (pitch_id, created_at, id);

-- Journalists who do not want the daily summary of new pitches.
create table pitch_summary_opt_out (
    account_id bigint primary key references account (id)
);

-- One daily summary per journalist per day, whatever the number of instances or restarts.
create table pitch_summary_sent (
    journalist_id bigint      not null references account (id),
    day           date        not null,
    sent_at       timestamptz not null,
    primary key (journalist_id, day)
);
