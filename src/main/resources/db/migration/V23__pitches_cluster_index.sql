-- Joining a cluster finds its members by cluster id alone (they may answer other queries): without this index that was
-- a scan of every pitch, about 300 ms a clustered pitch at a million pitches.
create index pitch_cluster_idx on pitch (cluster_id) where cluster_id is not null;
