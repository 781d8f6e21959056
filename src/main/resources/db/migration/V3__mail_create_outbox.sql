-- Every e-mail is written here in the transaction that causes it, then sent by the background sender.
create table mail_outbox (
    id              bigserial primary key,
    recipient       text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    headers         jsonb       not null default '{}'::jsonb,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'LOGGED', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_created_idx on mail_outbox (created_at desc, id desc);
