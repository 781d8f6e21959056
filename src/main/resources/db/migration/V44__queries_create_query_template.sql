-- A journalist's saved query, to start new queries from: everything the query form holds but the deadline.
create table query_template (
    id                  bigserial primary key,
    journalist_id       bigint not null references account (id) on delete cascade,
    name                text not null,
    headline            text not null,
    topic_id            bigint references topic (id) on delete set null,
    outlet_name         text,
    outlet_url          text,
    media_type          text,
    time_zone           text not null,
    questions           text[] not null,
    requirements        text,
    required_credential text,
    region              text,
    first_hand_only     boolean not null default false,
    pitch_cap           integer,
    link_policy         text,
    anonymous           boolean not null default false,
    created_at          timestamptz not null
);
-- One name once per journalist, whatever its case and outer spaces.
create unique index query_template_name on query_template (journalist_id, lower(name));
