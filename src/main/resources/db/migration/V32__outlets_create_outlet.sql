-- The outlet registry admins keep: each outlet's name and type, and its domains (registrable domains, e.g.
-- "ledger.example"), each confirmed by an admin or not yet. A journalist whose confirmed e-mail address is at a
-- confirmed domain has a verified outlet (recorded as a check in verification_check).
create table outlet (
    id          bigint      generated always as identity primary key,
    name        text        not null,
    type        text        not null check (type in ('NEWSPAPER', 'MAGAZINE', 'BROADCASTER', 'ONLINE', 'PODCAST',
                                                     'NEWSLETTER', 'AGENCY')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index outlet_name_idx on outlet (lower(name));

create table outlet_domain (
    id            bigint      generated always as identity primary key,
    outlet_id     bigint      not null references outlet (id) on delete cascade,
    -- One outlet per domain: the domain is what decides which outlet an e-mail address belongs to.
    domain        text        not null unique,
    confirmed_at  timestamptz,
    confirmed_by  bigint      references account (id) on delete set null
);
create index outlet_domain_outlet_idx on outlet_domain (outlet_id);
