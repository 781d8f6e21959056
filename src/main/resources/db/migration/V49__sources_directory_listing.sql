-- The expert directory: experts choose to be listed (off until they do), and journalists search the listed ones by
-- words (full text), by name with typos (trigrams), by region, topic, verification level and recent activity.

alter table source_profile add column listed boolean not null default false;

-- array_to_string is only "stable" (it calls element output functions); for text[] it cannot change, and a generated
-- column needs an immutable expression.
create function sources_expertise_text(tags text[]) returns text
    language sql immutable parallel safe
    return array_to_string(tags, ' ');

-- Name and expertise weigh most, then title and company, then the bio.
alter table source_profile add column search_document tsvector generated always as (
    setweight(to_tsvector('english', coalesce(name, '')), 'A')
    || setweight(to_tsvector('english', sources_expertise_text(expertise)), 'A')
    || setweight(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(company, '')), 'B')
    || setweight(to_tsvector('english', coalesce(bio, '')), 'C')) stored;

-- Partial indexes: only listed experts are ever searched, so unlisted ones cost the indexes nothing.
create index source_profile_listed_document_idx on source_profile using gin (search_document) where listed;
create index source_profile_listed_name_trgm_idx on source_profile using gin (name gin_trgm_ops) where listed;
create index source_profile_listed_region_trgm_idx on source_profile using gin (region gin_trgm_ops) where listed;
-- Browsing without words lists by name; the sitemap by id.
create index source_profile_listed_name_idx on source_profile (name, id) where listed;
create index source_profile_listed_id_idx on source_profile (id, updated_at) where listed;

-- What other modules may read of listed experts (the directory, the sitemap): a plain view the planner inlines, so
-- the partial indexes above serve it. A suspended or unconfirmed account is not shown, whatever its choice; the
-- condition is account_inactive_source_idx's own, so it probes that small index.
create view listed_expert as
select p.id as profile_id, p.account_id, p.handle, p.name, p.region, p.search_document, p.updated_at
from source_profile p
where p.listed
  and not exists (select 1 from account a
                  where a.id = p.account_id and a.role = 'SOURCE'
                    and (a.email_verified_at is null or a.suspended_at is not null));

create view expert_topic as
select s.source_id as profile_id, s.topic_id
from topic_subscription s;
