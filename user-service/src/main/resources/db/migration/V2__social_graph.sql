-- Counters live on the profile and change in the same transaction as the rows they count.
ALTER TABLE profile
  ADD COLUMN post_count      INT NOT NULL DEFAULT 0,
  ADD COLUMN follower_count  INT NOT NULL DEFAULT 0,
  ADD COLUMN following_count INT NOT NULL DEFAULT 0;

-- Search: exact and prefix matches through btree pattern indexes, typos through trigram similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX profile_username_prefix ON profile (username text_pattern_ops);
CREATE INDEX profile_name_prefix ON profile (lower(full_name) text_pattern_ops);
CREATE INDEX profile_username_trgm ON profile USING gin (username gin_trgm_ops);
CREATE INDEX profile_name_trgm ON profile USING gin (lower(full_name) gin_trgm_ops);
-- popular accounts for people who follow no one yet
CREATE INDEX profile_popular ON profile (follower_count DESC) WHERE NOT private;

-- A follow, or a request to follow a private account. seq is a time-ordered id: the cursor of lists.
CREATE TABLE follow
(
  follower_id UUID        NOT NULL,
  followee_id UUID        NOT NULL,
  state       TEXT        NOT NULL CHECK (state IN ('FOLLOWING', 'REQUESTED')),
  seq         BIGINT      NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
);
CREATE INDEX follow_followers ON follow (followee_id, state, seq DESC);
CREATE INDEX follow_following ON follow (follower_id, state, seq DESC);

CREATE TABLE block
(
  blocker_id UUID        NOT NULL,
  blocked_id UUID        NOT NULL,
  seq        BIGINT      NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (blocker_id, blocked_id),
  CHECK (blocker_id <> blocked_id)
);
CREATE INDEX block_blocked ON block (blocked_id);

CREATE TABLE mute
(
  muter_id   UUID        NOT NULL,
  muted_id   UUID        NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (muter_id, muted_id),
  CHECK (muter_id <> muted_id)
);
