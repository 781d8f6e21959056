-- A source's saved snippets (a bio, credentials, a standard disclosure), inserted into answers on the pitch form.
create table pitch_snippet (
    id         bigserial primary key,
    source_id  bigint not null references source_profile (id) on delete cascade,
    label      text not null,
    body       text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index pitch_snippet_source on pitch_snippet (source_id, id);
