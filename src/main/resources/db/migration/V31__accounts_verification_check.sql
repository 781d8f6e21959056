-- Every verification check of an account: what was checked (kind and subject, e.g. the domain or the website), the
-- result, when, and by what (Sourcewire itself) or by whom (an admin, with a note). The latest check of a kind and
-- subject decides; the other side sees the checks that passed (kind, subject, date), never the note.
create table verification_check (
    id          bigint      generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    kind        text        not null,
    subject     text        not null,
    passed      boolean     not null,
    detail      text,
    checked_at  timestamptz not null,
    admin_id    bigint      references account (id) on delete set null,
    note        text
);
create index verification_check_account_idx on verification_check (account_id, kind, subject, checked_at desc, id desc);
