-- The journalist's last decision on a pitch (shortlist or decline), kept for a few seconds so it can be taken back:
-- what the pitch was before, and the source's mail about it, which the outbox holds until the window has passed.
create table pitch_undo (
    pitch_id            bigint      primary key references pitch (id) on delete cascade,
    journalist_id       bigint      not null,
    previous_status     text        not null,
    previous_reason     text,
    previous_changed_at timestamptz,
    mail_id             bigint,
    decided_status      text        not null,
    expires_at          timestamptz not null
);
create index pitch_undo_expires_idx on pitch_undo (expires_at);
