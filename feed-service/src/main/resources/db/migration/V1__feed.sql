-- What feed-service knows of people, from identity, user and graph events: who may see whose posts, how
-- many follow them (authors above the threshold are merged at read time, not fanned out) and when they last
-- read their feed (people who have not read it for a while are skipped at fan-out and rebuilt at their next read).
CREATE TABLE person (
    id                 uuid PRIMARY KEY,
    username           text,
    private            boolean     NOT NULL DEFAULT false,
    follower_count     int         NOT NULL DEFAULT 0 CHECK (follower_count >= 0),
    -- the profile version applied last: an older ProfileUpdated arriving late changes nothing
    profile_updated_at timestamptz,
    -- null: never read, so there is no timeline to keep; it is built at the first read
    feed_read_at       timestamptz
);

-- Approved follows only: a follow request is not a follow.
CREATE TABLE follow (
    followee_id uuid NOT NULL,
    follower_id uuid NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (followee_id, follower_id)
);
CREATE INDEX follow_follower ON follow (follower_id, followee_id);

CREATE TABLE block (
    blocker_id uuid NOT NULL,
    blocked_id uuid NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX block_blocked ON block (blocked_id, blocker_id);

CREATE TABLE mute (
    muter_id uuid NOT NULL,
    muted_id uuid NOT NULL,
    PRIMARY KEY (muter_id, muted_id)
);

-- Summaries of posts from post events: what fan-out, backfill, rebuilds, explore and the degraded feed read.
-- A PostDeleted that arrives before its PostCreated leaves the row as a tombstone, so the late create
-- changes nothing.
CREATE TABLE post (
    id            bigint PRIMARY KEY,
    author_id     uuid        NOT NULL,
    public        boolean     NOT NULL DEFAULT true,
    caption       text        NOT NULL DEFAULT '',
    hashtags      text[]      NOT NULL DEFAULT '{}',
    media         jsonb       NOT NULL DEFAULT '[]',
    like_count    int         NOT NULL DEFAULT 0 CHECK (like_count >= 0),
    comment_count int         NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at    timestamptz NOT NULL,
    deleted_at    timestamptz
);
CREATE INDEX post_author ON post (author_id, id DESC) WHERE deleted_at IS NULL;

-- The precomputed home timelines: one row per (reader, post), newest first by the time-ordered post id, capped
-- per reader by a periodic trim. The author is kept so an unfollow, block or mute removes by author.
CREATE TABLE timeline (
    user_id   uuid   NOT NULL,
    post_id   bigint NOT NULL,
    author_id uuid   NOT NULL,
    PRIMARY KEY (user_id, post_id)
);
