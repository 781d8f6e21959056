create table account (
    id                  bigserial primary key,
    email               citext      not null,
    password_hash       text        not null,
    display_name        text        not null,
    role                text        not null check (role in ('JOURNALIST', 'SOURCE', 'ADMIN')),
    outlet_name         text,
    outlet_url          text,
    email_verified_at   timestamptz,
    suspended_at        timestamptz,
    password_changed_at timestamptz not null,
    created_at          timestamptz not null,
    version             bigint      not null default 0,
    constraint account_email_unique unique (email),
    constraint account_journalist_outlet check (role <> 'JOURNALIST' or (outlet_name is not null and outlet_url is not null))
);

-- Failed logins, counted per account e-mail and per client address to throttle guessing.
create table login_failure (
    id           bigserial primary key,
    throttle_key text        not null,
    failed_at    timestamptz not null
);
create index login_failure_key_time_idx on login_failure (throttle_key, failed_at);
