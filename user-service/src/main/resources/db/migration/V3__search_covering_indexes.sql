-- Search reads the most-followed prefix matches from the index alone (no heap visit per match): at 100 000
-- people a two-letter prefix matches thousands of rows (docs/benchmarks/social-graph.md).
DROP INDEX profile_username_prefix;
DROP INDEX profile_name_prefix;
CREATE INDEX profile_username_prefix ON profile (username text_pattern_ops) INCLUDE (follower_count, id);
CREATE INDEX profile_name_prefix ON profile (lower(full_name) text_pattern_ops) INCLUDE (follower_count, id);
