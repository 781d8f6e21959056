-- A decline reason is stored as the name of DeclineReason, and its words come from messages.properties
-- (pitches.text.decline-reason.*), no longer as the English itself: the pitch's latest reason, each decline in its
-- history, and the reason an undo would restore. The inbox only ever accepted the five offered reasons, so every
-- stored value is one of them. Any other text (only a hand edit could have put it there) is cleared, not kept: the
-- app never sends a source free text as a reason, and reads these columns as DeclineReason, which would fail on it.
-- With that, every value is a name or null, and the checks below keep it so.
create temporary table decline_reason_code (english text primary key, code text not null);
insert into decline_reason_code (english, code)
values ('Not a fit for this story', 'NOT_A_FIT'),
       ('We already have enough sources', 'ENOUGH_SOURCES'),
       ('Did not answer the questions', 'QUESTIONS_UNANSWERED'),
       ('Outside the requirements', 'OUTSIDE_REQUIREMENTS'),
       ('The deadline had passed for us', 'DEADLINE_PASSED');

update pitch p set decline_reason = m.code from decline_reason_code m where p.decline_reason = m.english;
update pitch set decline_reason = null
where decline_reason is not null and decline_reason not in (select code from decline_reason_code);

update pitch_status_change c set reason = m.code from decline_reason_code m where c.reason = m.english;
update pitch_status_change set reason = null
where reason is not null and reason not in (select code from decline_reason_code);

update pitch_undo u set previous_reason = m.code from decline_reason_code m where u.previous_reason = m.english;
update pitch_undo set previous_reason = null
where previous_reason is not null and previous_reason not in (select code from decline_reason_code);

drop table decline_reason_code;

alter table pitch add constraint pitch_decline_reason_check check (decline_reason in
    ('NOT_A_FIT', 'ENOUGH_SOURCES', 'QUESTIONS_UNANSWERED', 'OUTSIDE_REQUIREMENTS', 'DEADLINE_PASSED'));
alter table pitch_status_change add constraint pitch_status_change_reason_check check (reason in
    ('NOT_A_FIT', 'ENOUGH_SOURCES', 'QUESTIONS_UNANSWERED', 'OUTSIDE_REQUIREMENTS', 'DEADLINE_PASSED'));
alter table pitch_undo add constraint pitch_undo_previous_reason_check check (previous_reason in
    ('NOT_A_FIT', 'ENOUGH_SOURCES', 'QUESTIONS_UNANSWERED', 'OUTSIDE_REQUIREMENTS', 'DEADLINE_PASSED'));
