-- Retention: an old edition's records are removed by edition (digests.DigestRetention). Edition ids only grow, so
-- both indexes are appended to. The one on digest_delivery also keeps the foreign key's check cheap when an edition
-- row is deleted.
create index digest_item_edition_idx on digest_item (edition_id);
create index digest_delivery_edition_idx on digest_delivery (edition_id);
