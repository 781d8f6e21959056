-- Each move of a pitch (viewed, shortlisted, declined, used) with its time and, for a decline, the reason: the
-- source's timeline. The pitch row keeps only the latest status; a pitch can be shortlisted, declined and
-- shortlisted again.
create table pitch_status_change (
    id         bigint      generated always as identity primary key,
    pitch_id   bigint      not null references pitch (id) on delete cascade,
    status     text        not null check (status in ('VIEWED', 'SHORTLISTED', 'DECLINED', 'USED')),
    reason     text,
    changed_at timestamptz not null
);
create index pitch_status_change_pitch_idx on pitch_status_change (pitch_id, changed_at, id);

-- Pitches moved before this table: what their own row still tells (the first opening, the latest decision).
insert into pitch_status_change (pitch_id, status, changed_at)
select id, 'VIEWED', viewed_at from pitch where status = 'VIEWED' and viewed_at is not null;
insert into pitch_status_change (pitch_id, status, reason, changed_at)
select id, status, case when status = 'DECLINED' then decline_reason end, status_changed_at
from pitch where status in ('SHORTLISTED', 'DECLINED', 'USED') and status_changed_at is not null;
