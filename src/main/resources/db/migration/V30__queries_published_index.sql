-- The transparency page reads the queries published in the last twelve months by their publication time.
create index journalist_query_published_idx on journalist_query (published_at) where published_at is not null;
