-- A query's headline, state, deadline and topic name, as other modules may read them (the digests module's edition
-- batch). A plain view: PostgreSQL inlines it, and drops the join to topic where topic_name is not read (topic.id is
-- unique), so a reader's plan is the same as on the tables.
create view query_summary as
select jq.id, jq.headline, jq.status, jq.deadline, jq.topic_id, t.name as topic_name
from journalist_query jq
left join topic t on t.id = jq.topic_id;
