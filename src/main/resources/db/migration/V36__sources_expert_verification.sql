-- An expert's proof of their website: a random token per profile, placed in a meta tag or a /.well-known file, and
-- the last "check now" (when, its result in words) so the page can show it and the button can be rate-limited.
create table expert_website_proof (
    profile_id   bigint      primary key references source_profile (id) on delete cascade,
    token        text        not null unique,
    checked_at   timestamptz,
    checked_site text,
    passed       boolean,
    outcome      text
);

-- Credentials an expert states (a licence or registration number, a link to the public registry), waiting for an
-- admin until decided_at is set. A change sends it back to the queue.
create table expert_credential (
    profile_id   bigint      primary key references source_profile (id) on delete cascade,
    licence      text,
    registry_url text,
    stated_at    timestamptz not null,
    decided_at   timestamptz,
    constraint expert_credential_something check (licence is not null or registry_url is not null)
);
create index expert_credential_waiting_idx on expert_credential (stated_at, profile_id) where decided_at is null;

-- Experts at level "website proven" or above (sources.ExpertLevel): a standing website-ownership or credential check.
-- For the inbox's "verified experts only" filter, as one condition.
create view verified_expert as
select p.id as profile_id, p.account_id
from source_profile p
where exists (select 1 from passed_verification_check c
              where c.account_id = p.account_id and c.kind in ('WEBSITE_OWNERSHIP', 'CREDENTIAL_CONFIRMED'));
