-- When each source pitched, for the directory's "responsive" filter (a source who pitched lately answers); served by
-- pitch_source_idx (source_id, submitted_at desc).
create view source_pitch_activity as
select p.source_id as profile_id, p.submitted_at
from pitch p;
