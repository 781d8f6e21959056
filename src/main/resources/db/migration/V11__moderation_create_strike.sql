-- A strike against a source: an upheld report on one of their pitches. Only strikes that are not withdrawn and fall
-- within the window (sourcewire.moderation.strike-window) count towards suspension.
create table strike (
    id                 bigserial   primary key,
    account_id         bigint      not null references account (id),
    -- The report stays linked while it exists; the pitch's id and headline are copied, because a withdrawn pitch
    -- takes its reports with it while the strike remains.
    report_id          bigint      references pitch_report (id) on delete set null,
    pitch_public_id    uuid        not null,
    headline           text        not null,
    category           text        not null check (category in ('SPAM', 'OFF_TOPIC', 'AI_BOILERPLATE', 'ABUSIVE')),
    -- Shown to the source.
    reason             text        not null,
    created_by         bigint      references account (id),
    created_at         timestamptz not null,
    withdrawn_at       timestamptz,
    withdrawn_by       bigint      references account (id),
    withdrawal_note    text,
    -- One appeal per strike.
    appeal_note        text,
    appealed_at        timestamptz,
    appeal_decision    text        check (appeal_decision in ('KEPT', 'WITHDRAWN')),
    appeal_decided_at  timestamptz,
    version            bigint      not null default 0,
    constraint strike_one_per_report unique (report_id),
    constraint strike_appeal_complete check ((appeal_note is null) = (appealed_at is null))
);
-- Counting a source's strikes in the window, and listing them newest first.
create index strike_account_idx on strike (account_id, created_at desc);
-- Several journalists may report one pitch: upholding them all is still one strike.
create unique index strike_one_per_pitch on strike (pitch_public_id) where withdrawn_at is null;
-- The admins' list shows appeals that wait for a decision first.
create index strike_appeal_pending_idx on strike (appealed_at) where appealed_at is not null and appeal_decision is null;
