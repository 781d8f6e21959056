-- A pitch's MinHash band hashes move into its signature row: one row per pitch instead of 24, each of which checked
-- its foreign key to pitch when it was inserted (half a millisecond of the database's time per submitted pitch). A
-- GIN index finds the pitches sharing a band as the band table's index did; fastupdate is off so that a look-up
-- never has to read a long list of pending entries.
alter table pitch_signature add column bands bigint[];
update pitch_signature s set bands = array(select b.band_hash from pitch_band b where b.pitch_id = s.pitch_id);
alter table pitch_signature alter column bands set not null;
create index pitch_signature_bands_idx on pitch_signature using gin (bands) with (fastupdate = off);
drop table pitch_band;
