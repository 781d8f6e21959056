-- Each pitch's screening: score 0-100, whether it is flagged, and the reasons a journalist reads.
alter table pitch add column score int;
alter table pitch add column flagged boolean not null default false;
alter table pitch add column reasons jsonb not null default '[]'::jsonb;
-- The inbox's default order: best first.
create index pitch_inbox_score_idx on pitch (query_id, score desc nulls last, submitted_at desc, id desc);

-- Near-duplicate detection by MinHash with banding: each pitch's signature, and one row per band, so finding
-- candidates for a new pitch is an index lookup on a few band hashes, never a comparison with every stored pitch.
create table pitch_signature (
    pitch_id  bigint primary key references pitch (id) on delete cascade,
    query_id  bigint not null,
    source_id bigint not null,
    minhash   int[]  not null
);
create table pitch_band (
    band_hash bigint not null,
    pitch_id  bigint not null references pitch (id) on delete cascade
);
create index pitch_band_hash_idx on pitch_band (band_hash);
create index pitch_band_pitch_idx on pitch_band (pitch_id);

-- Filler phrases typical of mass-generated pitches, weighted; admins keep the list.
create table boilerplate_phrase (
    id         bigserial primary key,
    phrase     text        not null,
    weight     int         not null check (weight between 1 and 30),
    created_at timestamptz not null default now()
);
create unique index boilerplate_phrase_unique on boilerplate_phrase (lower(phrase));
insert into boilerplate_phrase (phrase, weight) values
    ('in today''s fast-paced world', 8), ('i hope this email finds you well', 6), ('i hope this finds you well', 6),
    ('as a seasoned', 5), ('proven track record', 6), ('delve into', 6), ('it is important to note', 5),
    ('game-changer', 5), ('game changer', 5), ('leverage synergies', 8), ('synergies', 4),
    ('i would be thrilled', 5), ('feel free to reach out', 5), ('unlock the full potential', 7),
    ('navigate the complexities', 7), ('ever-evolving landscape', 8), ('ever evolving landscape', 8),
    ('in the realm of', 5), ('tapestry', 6), ('cutting-edge', 3), ('best-in-class', 5), ('thought leader', 5),
    ('i am passionate about', 3), ('look no further', 7), ('i came across your query', 4),
    ('as an ai language model', 30), ('in conclusion', 4), ('without further ado', 6), ('at the end of the day', 4),
    ('paradigm shift', 5), ('holistic approach', 4), ('robust solutions', 5), ('empower', 2), ('seamless', 3),
    ('world-class', 4), ('happy to discuss', 3), ('value-add', 5), ('move the needle', 5), ('deep dive', 3),
    ('dynamic landscape', 6), ('foster innovation', 5), ('revolutionize', 4), ('stakeholders', 2),
    -- AI-style filler
    ('thought-provoking question', 8), ('multifaceted', 4), ('fostering meaningful', 6), ('impactful change', 6),
    ('striking the right balance', 5), ('it is worth noting', 5), ('staying ahead of the curve', 6),
    ('needless to say', 5), ('the possibilities are endless', 8), ('optimal outcomes', 5), ('tailored, holistic', 6),
    ('exciting opportunities', 4), ('in this space', 3), ('looking forward to the possibility', 5),
    -- mass-pitch openers and closers
    ('i came across your', 4), ('i''d love to help', 5), ('i would love to help', 5), ('quick call', 4),
    ('i''d be honored', 5), ('thanks for considering', 4), ('featured on several', 5), ('let me know if', 3),
    ('i hope you''re having', 6), ('happy to hop on', 5),
    -- padding that says nothing
    ('the thing is', 4), ('it depends', 3), ('long story short', 5), ('it is what it is', 6), ('as i said', 5),
    ('see above', 5), ('more details on request', 6), ('please see my', 5), ('good question', 3),
    ('this is very important', 5), ('it''s one of those things', 6), ('the bottom line', 3);

-- Plans set pitch quotas; every source is on the free plan until an admin assigns another.
create table source_plan (
    account_id bigint primary key references account (id),
    plan       text   not null check (plan in ('FREE', 'STANDARD', 'ADVANCED', 'PREMIUM'))
);
