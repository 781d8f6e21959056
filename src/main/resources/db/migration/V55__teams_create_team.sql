-- Teams: an agency (or a company's comms team) whose owner manages experts' profiles and gives them to members, who
-- write pitches for them. Every row names accounts; a removed member's rows are deleted, so access ends at once.
create table team (
    id          bigserial   primary key,
    name        text        not null,                         -- the organisation pitches name: "Acme PR"
    owner_id    bigint      not null unique references account (id),
    created_at  timestamptz not null
);

create table team_member (
    team_id     bigint      not null references team (id) on delete cascade,
    account_id  bigint      not null references account (id),
    joined_at   timestamptz not null,
    primary key (team_id, account_id)
);
create index team_member_account on team_member (account_id);

-- An expert who accepted the team's invitation; approval_required: the expert approves each pitch before it is sent.
create table team_profile (
    team_id           bigint      not null references team (id) on delete cascade,
    source_account_id bigint      not null references account (id),
    approval_required boolean     not null default false,
    added_at          timestamptz not null,
    primary key (team_id, source_account_id)
);
create index team_profile_source on team_profile (source_account_id);

-- Which member may write for which of the team's experts.
create table team_assignment (
    team_id           bigint not null,
    member_account_id bigint not null,
    source_account_id bigint not null,
    primary key (team_id, member_account_id, source_account_id),
    foreign key (team_id, member_account_id) references team_member (team_id, account_id) on delete cascade,
    foreign key (team_id, source_account_id) references team_profile (team_id, source_account_id) on delete cascade
);

-- An invitation by e-mail to join as a member or to let the team manage one's expert profile. Only the token's
-- SHA-256 is kept, so a database reader cannot accept one.
create table team_invitation (
    id          bigserial   primary key,
    team_id     bigint      not null references team (id) on delete cascade,
    kind        text        not null check (kind in ('MEMBER', 'EXPERT')),
    email       citext      not null,
    token_hash  text        not null unique,
    invited_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz
);
create index team_invitation_open on team_invitation (team_id) where accepted_at is null;

-- A pitch a member wrote for an expert who approves before sending; sent through the pitch rules on approval.
create table team_pitch_draft (
    id                    bigserial   primary key,
    public_id             uuid        not null unique,
    team_id               bigint      not null references team (id) on delete cascade,
    source_account_id     bigint      not null references account (id),
    author_account_id     bigint      not null references account (id),
    query_id              bigint      not null,
    answers               text[]      not null,
    why_me                text,
    confirms_requirements boolean     not null,
    status                text        not null check (status in ('PENDING', 'SENT', 'DECLINED')),
    created_at            timestamptz not null,
    decided_at            timestamptz,
    pitch_public_id       uuid
);
create index team_pitch_draft_pending on team_pitch_draft (source_account_id) where status = 'PENDING';
