-- The matching module's matches as other modules may read them (the delivery module's webhook claims): one row per
-- (source, query) with when it matched, the query's state, and whether the source may still be sent anything.
create view source_match as
select m.source_id, m.query_id, m.matched_at, jq.headline, jq.status as query_status, jq.deadline,
       (a.email_verified_at is not null and a.suspended_at is null) as source_active
from query_match m
join journalist_query jq on jq.id = m.query_id
join source_profile sp on sp.id = m.source_id
join account a on a.id = sp.account_id;
