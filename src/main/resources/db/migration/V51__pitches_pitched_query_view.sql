-- Which queries each source has pitched, as other modules may read it (the matching module's feed marks and filters
-- them). A plain projection of pitch: PostgreSQL inlines it, so a reader's plan is the same as on the table
-- (an index probe on pitch_one_per_source).
create view pitched_query as
select p.source_id, p.query_id
from pitch p;
