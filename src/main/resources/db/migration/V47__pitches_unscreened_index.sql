-- The pitches waiting for screening's verdict, counted for the sourcewire.screening.backlog meter at every scrape.
create index pitch_unscreened_idx on pitch (id) where score is null;
