-- A pitch written for the source by someone else (a PR agency for its client) names who wrote it; both or neither.
alter table pitch add column written_by_name text, add column written_by_organisation text,
    add constraint pitch_written_by_both check ((written_by_name is null) = (written_by_organisation is null));
