-- A profile the team's owner set up for an expert who has no account yet, sent with an EXPERT invitation. Nothing is
-- pitched in the expert's name from it: the expert's own account and profile are made only when they accept (and
-- may change every field first). Lengths as on the profile form.
create table team_invitation_profile (
    invitation_id bigint primary key references team_invitation (id) on delete cascade,
    name          text   not null check (length(name) between 1 and 100),
    title         text   check (length(title) <= 100),
    company       text   check (length(company) <= 100),
    bio           text   check (length(bio) <= 600)
);
