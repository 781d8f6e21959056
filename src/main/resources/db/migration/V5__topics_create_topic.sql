create table topic (
    id             bigserial primary key,
    name           text        not null,
    retired_at     timestamptz,
    merged_into_id bigint references topic (id),
    created_at     timestamptz not null default now(),
    version        bigint      not null default 0
);
create unique index topic_name_unique_idx on topic (lower(name));

-- HARO's classic categories plus the ones PRODUCT.md adds.
insert into topic (name) values
    ('Biotech & Healthcare'), ('Business & Finance'), ('Education & Careers'), ('Energy & Green Tech'),
    ('Entertainment & Media'), ('General'), ('High Tech'), ('Lifestyle & Fitness'), ('Travel'),
    ('Legal'), ('Marketing & PR'), ('Real Estate'), ('Sports'), ('Food & Beverage');
