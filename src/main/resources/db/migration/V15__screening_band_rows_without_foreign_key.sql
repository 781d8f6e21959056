-- Back to one row per band (V14 moved them into a GIN-indexed array): under the pitch benchmark's load the GIN
-- look-up took 0.9 ms per pitch against 0.17 ms for the band table's B-tree look-ups. What made the band rows
-- expensive was the foreign key: 24 look-ups of pitch per submitted pitch. The bands are written in the pitch's own
-- transaction right after it, so the key cannot dangle on insert; what ON DELETE CASCADE did is done once per DELETE
-- statement by a trigger.
create table pitch_band (
    band_hash bigint not null,
    pitch_id  bigint not null
);
insert into pitch_band (band_hash, pitch_id) select unnest(bands), pitch_id from pitch_signature;
create index pitch_band_hash_idx on pitch_band (band_hash);
create index pitch_band_pitch_idx on pitch_band (pitch_id);
alter table pitch_signature drop column bands;

create function pitch_band_forget_deleted() returns trigger language plpgsql as $$
begin
    delete from pitch_band b using deleted_pitch d where b.pitch_id = d.id;
    return null;
end
$$;

create trigger pitch_band_forget_deleted after delete on pitch
    referencing old table as deleted_pitch for each statement execute function pitch_band_forget_deleted();
