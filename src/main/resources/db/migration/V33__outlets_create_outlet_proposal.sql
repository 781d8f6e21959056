-- An outlet a journalist proposes because it is not in the registry; admins accept it (the outlet is created with
-- its domain confirmed) or reject it with a reason.
create table outlet_proposal (
    id           bigint      generated always as identity primary key,
    account_id   bigint      not null references account (id) on delete cascade,
    name         text        not null,
    website      text        not null,
    domain       text        not null,
    type         text        not null,
    state        text        not null default 'PENDING' check (state in ('PENDING', 'ACCEPTED', 'REJECTED')),
    reason       text,
    outlet_id    bigint      references outlet (id) on delete set null,
    created_at   timestamptz not null,
    decided_at   timestamptz,
    decided_by   bigint      references account (id) on delete set null
);
-- One open proposal per journalist: a second sending (a double click) finds the first.
create unique index outlet_proposal_pending_idx on outlet_proposal (account_id) where state = 'PENDING';
create index outlet_proposal_queue_idx on outlet_proposal (created_at) where state = 'PENDING';
