-- Retention: a closed query's matches are removed by query (matching.MatchRetention). The fan-out inserts one
-- query's rows together, so this index grows at its right-hand end and costs the fan-out little.
create index query_match_query_idx on query_match (query_id);
