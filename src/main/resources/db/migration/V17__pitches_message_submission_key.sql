-- A follow-up message carries its form's one-time key, so the same form sent twice (a double click, a re-sent
-- request, two instances at once) stores one message and sends one e-mail. Earlier messages have none; NULLs never
-- collide in a unique constraint.
alter table pitch_message add column submission_key uuid;
alter table pitch_message add constraint pitch_message_once unique (pitch_id, submission_key);
