-- Screening: each pitch's meaning (its answers without the query's own words) as a sentence embedding, found again by
-- random-hyperplane bands in an index, so a pitch is compared with the reworded pitches of other sources among all
-- stored ones; and the signals the score was computed from, for the journalist's reasons and for retraining.
create table pitch_meaning (
    pitch_id  bigint primary key references pitch (id) on delete cascade,
    query_id  bigint not null,
    source_id bigint not null,
    vector    real[] not null
);

create table pitch_meaning_band (
    band_hash bigint not null,
    pitch_id  bigint not null references pitch (id) on delete cascade
);
create index pitch_meaning_band_hash_idx on pitch_meaning_band (band_hash);
create index pitch_meaning_band_pitch_idx on pitch_meaning_band (pitch_id);

alter table pitch add column signals jsonb;
