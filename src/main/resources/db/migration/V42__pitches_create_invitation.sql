-- A journalist's invitation to an expert to answer one of their open queries; one per expert and query.
create table invitation (
    id            bigserial primary key,
    query_id      bigint not null references journalist_query (id) on delete cascade,
    source_id     bigint not null references source_profile (id) on delete cascade,
    journalist_id bigint not null references account (id) on delete cascade,
    note          text,
    created_at    timestamptz not null,
    seen_at       timestamptz,
    constraint invitation_once unique (query_id, source_id)
);
-- The expert's list (newest first) and the journalist's rolling day of invitations (the daily limit).
create index invitation_source on invitation (source_id, created_at desc);
create index invitation_journalist on invitation (journalist_id, created_at);
