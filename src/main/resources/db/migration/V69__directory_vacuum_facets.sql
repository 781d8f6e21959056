-- V68 rewrote directory_entry (a stored generated column), which clears its visibility map, and the walks by activity
-- and by level are index-only scans (see V65). VACUUM cannot run in a transaction; Flyway runs this file outside one.
vacuum (analyze) directory_entry;
