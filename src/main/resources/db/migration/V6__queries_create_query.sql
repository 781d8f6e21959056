create table journalist_query (
    id                  bigserial primary key,
    journalist_id       bigint      not null references account (id),
    headline            text        not null,
    topic_id            bigint references topic (id),
    outlet_name         text,
    outlet_url          text,
    media_type          text check (media_type in ('ONLINE', 'PRINT', 'PODCAST', 'BROADCAST', 'NEWSLETTER')),
    deadline            timestamptz,
    time_zone           text        not null,
    requirements        text,
    required_credential text,
    region              text,
    first_hand_only     boolean     not null default false,
    pitch_cap           int check (pitch_cap is null or pitch_cap > 0),
    link_policy         text check (link_policy in ('FOLLOWED', 'NOFOLLOW', 'NO_LINK', 'NOT_KNOWN')),
    anonymous           boolean     not null default false,
    status              text        not null check (status in ('DRAFT', 'PENDING_REVIEW', 'PUBLISHED', 'CLOSED', 'EXPIRED', 'REJECTED')),
    rejection_reason    text,
    submitted_at        timestamptz,
    published_at        timestamptz,
    closed_at           timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);

create table query_question (
    query_id bigint not null references journalist_query (id) on delete cascade,
    position int    not null,
    question text   not null,
    primary key (query_id, position)
);

create index journalist_query_journalist_idx on journalist_query (journalist_id, status, created_at desc);
-- The expiry job and the review queue read by status and deadline / submission time.
create index journalist_query_open_deadline_idx on journalist_query (deadline) where status = 'PUBLISHED';
create index journalist_query_pending_idx on journalist_query (submitted_at) where status = 'PENDING_REVIEW';
create index journalist_query_topic_published_idx on journalist_query (topic_id, published_at) where published_at is not null;

-- Settings admins change at run time (e.g. auto-approval of journalists with a verified outlet).
create table query_setting (
    name  text primary key,
    value text not null
);
insert into query_setting (name, value) values ('auto-approve-verified-outlets', 'false');
