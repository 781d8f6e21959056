-- Plans set pitch quotas and belong to the pitches module (pitches.Plans); a screening migration (V13) created the
-- table before plans moved there. This comment records the owner in the schema; ModularityTests reads it.
comment on table source_plan is 'Owned by pitches: each source''s plan, which sets their pitch quota (no row: FREE).';
