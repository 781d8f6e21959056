-- The directory's own copy of what a search filters on, one row per shown listed expert, so every filter is an index
-- condition of one table (at 1,000,000 sources the per-row probes of the owners' views cost seconds: a region and a
-- level, 2.2 s). Computed only from the owners' views (listed_expert, expert_topic, passed_verification_check,
-- source_pitch_activity); the owners' tables tell the directory which experts changed through the triggers below.
create table directory_entry (
    profile_id      bigint      primary key,
    account_id      bigint      not null,
    name            text        not null,
    region          text,
    -- sources.ExpertLevel's ordinal: 0 none, 1 website, 2 website and e-mail, 3 credential ("at least": >=).
    level           smallint    not null,
    topic_ids       bigint[]    not null,
    last_pitched_at timestamptz,
    search_document tsvector    not null
);

create index directory_entry_document_idx on directory_entry using gin (search_document);
create index directory_entry_name_trgm_idx on directory_entry using gin (name gin_trgm_ops);
create index directory_entry_region_trgm_idx on directory_entry using gin (region gin_trgm_ops);
create index directory_entry_topics_idx on directory_entry using gin (topic_ids);
-- Browsing lists by name; the level and last-pitch filters as ranges that combine with the others in a bitmap.
create index directory_entry_name_idx on directory_entry (name, profile_id);
-- The level index covers what a search without words reads (name, region, last pitch), so a region with a level is
-- filtered in the index, never visiting the wide rows (a region and a credential at 1,000,000 sources: 52 ms -> 12 ms).
create index directory_entry_level_idx on directory_entry (level, name, profile_id) include (region, last_pitched_at)
    where level > 0;
create index directory_entry_last_pitched_idx on directory_entry (last_pitched_at) where last_pitched_at is not null;
create index directory_entry_account_idx on directory_entry (account_id);

-- Brings the entries of these profiles up to date: gone if no longer shown, else recomputed from the owners' views.
create function directory_refresh(ids bigint[]) returns void
    language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    -- Lock the existing entries first: a concurrent refresh of the same expert then waits for the other transaction,
    -- and the statements below (each with a fresh snapshot) see what it committed instead of overwriting it.
    -- Joins with unnest, not "= any (ids)": a plpgsql array is a parameter, which PostgreSQL does not hash, so
    -- "= any" over 100,000 ids compares every row with every id.
    perform 1 from directory_entry d join unnest(ids) as i (id) on d.profile_id = i.id
    order by d.profile_id for update of d;
    -- An expert with no entry yet has no row to lock: being listed at the moment a pitch, a check or a topic of
    -- theirs commits would lose that change. A lock per expert (the pitch trigger takes it too) puts the two in line.
    -- Not for bulk changes, whose many locks would fill the lock table; they are one writer's anyway.
    if cardinality(ids) <= 1000 then
        perform pg_advisory_xact_lock(7311, (i.id % 2147483647)::int) from unnest(ids) as i (id) order by i.id;
    end if;
    delete from directory_entry d
    using unnest(ids) as i (id)
    where d.profile_id = i.id
      and not exists (select 1 from listed_expert e where e.profile_id = d.profile_id);
    insert into directory_entry as d (profile_id, account_id, name, region, level, topic_ids, last_pitched_at,
                                      search_document)
    select e.profile_id, e.account_id, e.name, e.region,
           case when exists (select 1 from passed_verification_check c
                             where c.account_id = e.account_id and c.kind = 'CREDENTIAL_CONFIRMED') then 3
                when exists (select 1 from passed_verification_check c
                             where c.account_id = e.account_id and c.kind = 'WEBSITE_OWNERSHIP')
                  then case when exists (select 1 from passed_verification_check c
                                         where c.account_id = e.account_id and c.kind = 'EMAIL_MATCHES_WEBSITE')
                            then 2 else 1 end
                else 0 end,
           coalesce((select array_agg(t.topic_id order by t.topic_id) from expert_topic t
                     where t.profile_id = e.profile_id), '{}'),
           (select max(a.submitted_at) from source_pitch_activity a where a.profile_id = e.profile_id),
           e.search_document
    from listed_expert e
    join (select distinct unnest(ids) as id) i on e.profile_id = i.id
    on conflict (profile_id) do update
        set account_id = excluded.account_id, name = excluded.name, region = excluded.region, level = excluded.level,
            topic_ids = excluded.topic_ids, last_pitched_at = excluded.last_pitched_at,
            search_document = excluded.search_document
        -- An edit that changes nothing searched (a photo, a time zone) writes nothing.
        where (d.account_id, d.name, d.region, d.level, d.topic_ids, d.last_pitched_at, d.search_document)
              is distinct from (excluded.account_id, excluded.name, excluded.region, excluded.level,
                                excluded.topic_ids, excluded.last_pitched_at, excluded.search_document);
end $$;

-- Statement triggers with transition tables: a bulk change (a topic merge, an import) refreshes its experts in one
-- set-based pass instead of one per row.
create function directory_profiles_changed() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform directory_refresh(array(select id from new_rows));
    elsif tg_op = 'DELETE' then
        perform directory_refresh(array(select id from old_rows));
    else
        -- Only what the directory shows or searches; updated_at alone changes nothing here.
        perform directory_refresh(array(
            select n.id from new_rows n join old_rows o on o.id = n.id
            where (n.listed, n.account_id, n.name, n.region, n.search_document)
                  is distinct from (o.listed, o.account_id, o.name, o.region, o.search_document)));
    end if;
    return null;
end $$;

create trigger directory_profile_inserted after insert on source_profile
    referencing new table as new_rows for each statement execute function directory_profiles_changed();
create trigger directory_profile_updated after update on source_profile
    referencing new table as new_rows old table as old_rows for each statement execute function directory_profiles_changed();
create trigger directory_profile_deleted after delete on source_profile
    referencing old table as old_rows for each statement execute function directory_profiles_changed();

create function directory_topics_changed() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform directory_refresh(array(select distinct source_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform directory_refresh(array(select distinct source_id from old_rows));
    else
        perform directory_refresh(array(select source_id from new_rows union select source_id from old_rows));
    end if;
    return null;
end $$;

create trigger directory_topic_inserted after insert on topic_subscription
    referencing new table as new_rows for each statement execute function directory_topics_changed();
create trigger directory_topic_updated after update on topic_subscription
    referencing new table as new_rows old table as old_rows for each statement execute function directory_topics_changed();
create trigger directory_topic_deleted after delete on topic_subscription
    referencing old table as old_rows for each statement execute function directory_topics_changed();

-- A pitch moves the last-pitch date forward only: one column, and concurrent pitches of one expert cannot undo
-- each other. A pitch deleted or moved recomputes it.
create function directory_pitches_changed() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        -- In line with a refresh that is listing this expert right now (directory_refresh); not for bulk inserts.
        if (select count(distinct source_id) from new_rows) <= 1000 then
            perform pg_advisory_xact_lock(7311, (n.source_id % 2147483647)::int)
            from (select distinct source_id from new_rows where source_id is not null order by source_id) n;
        end if;
        update directory_entry d set last_pitched_at = greatest(d.last_pitched_at, n.at)
        from (select source_id, max(submitted_at) as at from new_rows group by source_id) n
        where d.profile_id = n.source_id and (d.last_pitched_at is null or d.last_pitched_at < n.at);
    elsif tg_op = 'DELETE' then
        perform directory_refresh(array(select distinct source_id from old_rows));
    else
        perform directory_refresh(array(
            select n.source_id from new_rows n join old_rows o on o.id = n.id
            where (n.source_id, n.submitted_at) is distinct from (o.source_id, o.submitted_at)
            union
            select o.source_id from new_rows n join old_rows o on o.id = n.id
            where (n.source_id, n.submitted_at) is distinct from (o.source_id, o.submitted_at)));
    end if;
    return null;
end $$;

create trigger directory_pitch_inserted after insert on pitch
    referencing new table as new_rows for each statement execute function directory_pitches_changed();
create trigger directory_pitch_updated after update on pitch
    referencing new table as new_rows old table as old_rows for each statement execute function directory_pitches_changed();
create trigger directory_pitch_deleted after delete on pitch
    referencing old table as old_rows for each statement execute function directory_pitches_changed();

-- Verification checks and accounts are keyed by account: the experts concerned are those shown (an entry) and those
-- that would now be shown (listed_expert).
create function directory_accounts_changed(accounts bigint[]) returns void
    language plpgsql as $$
begin
    perform directory_refresh(array(
        select d.profile_id from directory_entry d join unnest(accounts) as a (id) on d.account_id = a.id
        union
        select e.profile_id from listed_expert e join unnest(accounts) as a (id) on e.account_id = a.id));
end $$;

create function directory_checks_changed() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform directory_accounts_changed(array(select distinct account_id from old_rows));
    elsif tg_op = 'INSERT' then
        perform directory_accounts_changed(array(select distinct account_id from new_rows));
    else
        perform directory_accounts_changed(array(select account_id from new_rows union select account_id from old_rows));
    end if;
    return null;
end $$;

create trigger directory_check_inserted after insert on verification_check
    referencing new table as new_rows for each statement execute function directory_checks_changed();
create trigger directory_check_updated after update on verification_check
    referencing new table as new_rows old table as old_rows for each statement execute function directory_checks_changed();
create trigger directory_check_deleted after delete on verification_check
    referencing old table as old_rows for each statement execute function directory_checks_changed();

-- Accounts: only a change of what hides an expert (an unconfirmed address, a suspension); a deleted account deletes
-- its profile, whose own trigger removes the entry.
create function directory_account_changed() returns trigger
    language plpgsql as $$
begin
    perform directory_accounts_changed(array(
        select n.id from new_rows n join old_rows o on o.id = n.id
        where (n.role, n.email_verified_at is null, n.suspended_at is null)
              is distinct from (o.role, o.email_verified_at is null, o.suspended_at is null)));
    return null;
end $$;

create trigger directory_account_updated after update on account
    referencing new table as new_rows old table as old_rows for each statement execute function directory_account_changed();

-- The experts listed before this migration.
select directory_refresh(array(select profile_id from listed_expert));
