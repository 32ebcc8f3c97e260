-- A post's like count in 16 rows rather than one: every like took the post row's lock, so a thousand people
-- liking one post at once queued on it, one commit at a time (60 likes a second measured). A like now changes
-- the row of its liker's shard (the liker's id hashed), so an unlike finds the same row and no shard goes
-- below zero; the count is the sum of at most 16 rows.
CREATE TABLE post_like_counter (
    post_id bigint   NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    shard   smallint NOT NULL,
    likes   int      NOT NULL CHECK (likes >= 0),
    PRIMARY KEY (post_id, shard)
);

-- Likes counted so far move over shard by shard; the liker's shard is computed as PostLikes.shard does.
INSERT INTO post_like_counter (post_id, shard, likes)
SELECT post_id, shard, count(*) FROM (
    SELECT post_id, ((hashtextextended(user_id::text, 0) % 16 + 16) % 16)::smallint AS shard FROM post_like
) l GROUP BY post_id, shard;

ALTER TABLE post DROP COLUMN like_count;
