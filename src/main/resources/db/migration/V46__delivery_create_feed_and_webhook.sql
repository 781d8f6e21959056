-- A source's delivery settings: the private feed's token (null: no feed; a new token retires the old address) and
-- the outgoing webhook (null address: off). Matches from before webhook_on_since are never sent.
create table delivery_setting (
    source_id         bigint      primary key references source_profile (id) on delete cascade,
    account_id        bigint      not null references account (id) on delete cascade,
    feed_token        text        unique,
    webhook_url       text,
    webhook_format    text        not null default 'SLACK' check (webhook_format in ('SLACK', 'TEAMS')),
    webhook_on_since  timestamptz,
    webhook_tested_at timestamptz,
    updated_at        timestamptz not null
);

create index delivery_setting_webhook_idx on delivery_setting (source_id) where webhook_url is not null;

-- The webhook outbox: one row per (source, matched query), claimed once (the unique key is the no-twice rule), sent
-- with retries. next_attempt_at doubles as a sender's lease: a claimed row is pushed into the future while it is
-- posted, so a sender that dies mid-post leaves it due again after the lease.
create table webhook_message (
    id              bigserial   primary key,
    source_id       bigint      not null references source_profile (id) on delete cascade,
    query_id        bigint      not null,
    -- Where and how, as set when the match was claimed; a changed or removed webhook cancels what still waits.
    url             text        not null,
    format          text        not null,
    status          text        not null default 'PENDING'
        check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_status     int,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    unique (source_id, query_id)
);

create index webhook_message_due_idx on webhook_message (next_attempt_at, id) where status = 'PENDING';
create index webhook_message_source_idx on webhook_message (source_id, created_at desc);
