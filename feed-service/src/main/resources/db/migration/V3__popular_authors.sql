-- Each feed page merges in the posts of followed authors above the fan-out limit. Found by the reader's follows,
-- that costs one lookup per followee (16 ms at 5 000 followees, docs/benchmarks/feed.md); found from this index,
-- the few authors above the limit are checked against the reader's follows, whatever their number.
CREATE INDEX person_follower_count ON person (follower_count);
