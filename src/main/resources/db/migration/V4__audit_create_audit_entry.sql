-- Every admin and moderation action: who, what, when, and the state before and after.
create table audit_entry (
    id          bigserial primary key,
    actor_id    bigint,
    actor_email text        not null,
    action      text        not null,
    subject     text        not null,
    summary     text        not null,
    before      jsonb,
    after       jsonb,
    at          timestamptz not null
);
create index audit_entry_at_idx on audit_entry (at desc, id desc);
create index audit_entry_action_idx on audit_entry (action, at desc);
