-- Screening groups near-copies (the same text, or the same meaning reworded, from other sources) into clusters: each
-- member carries the id of the cluster's first pitch, and the inbox shows a cluster as one entry with "+N similar".
alter table pitch add column cluster_id bigint;
create index pitch_query_cluster_idx on pitch (query_id, cluster_id) where cluster_id is not null;

-- When screening gave its verdict (null while the pitch waits for it): how long pitches wait is measurable.
alter table pitch add column screened_at timestamptz;
