-- A new query's form and the "duplicate" button carry a one-time key: the same form sent twice makes one query.
alter table journalist_query add column submission_key uuid;
create unique index journalist_query_submission_key_idx on journalist_query (journalist_id, submission_key);
