CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- What post-service knows of people, kept from identity, user and graph events: names and avatars shown with
-- posts and comments, and what decides who sees a post (privacy, approved follows, blocks).
CREATE TABLE person (
    id              uuid PRIMARY KEY,
    username        text        NOT NULL,
    full_name       text,
    avatar_media_id bigint,
    private         boolean     NOT NULL DEFAULT false,
    -- the profile version applied last: an older ProfileUpdated arriving late changes nothing
    updated_at      timestamptz NOT NULL
);
CREATE INDEX person_username ON person (username);

CREATE TABLE follow (
    follower_id uuid NOT NULL,
    followee_id uuid NOT NULL,
    PRIMARY KEY (follower_id, followee_id)
);
CREATE INDEX follow_followee ON follow (followee_id);

CREATE TABLE block (
    blocker_id uuid NOT NULL,
    blocked_id uuid NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX block_blocked ON block (blocked_id);

-- One place per name (any case) and spot (rounded to about 100 m): every post tagged alike shares it.
CREATE TABLE place (
    id         bigint PRIMARY KEY,
    name       text             NOT NULL,
    place_key  text             NOT NULL UNIQUE,
    lat        double precision,
    lng        double precision,
    post_count int              NOT NULL DEFAULT 0,
    created_at timestamptz      NOT NULL
);
CREATE INDEX place_name_prefix ON place (lower(name) text_pattern_ops);
CREATE INDEX place_name_trigram ON place USING gin (lower(name) gin_trgm_ops);

-- The post aggregate in one row: media (with alt texts), hashtags and mentions are read with the post every
-- time and change only with it, so they are stored with it and a page of posts is one indexed read.
CREATE TABLE post (
    id                bigint PRIMARY KEY,
    author_id         uuid        NOT NULL,
    caption           text        NOT NULL DEFAULT '',
    media             jsonb       NOT NULL,
    hashtags          text[]      NOT NULL DEFAULT '{}',
    mentions          jsonb       NOT NULL DEFAULT '[]',
    place_id          bigint REFERENCES place (id),
    comments_disabled boolean     NOT NULL DEFAULT false,
    hide_like_count   boolean     NOT NULL DEFAULT false,
    -- counters kept exact by the writes that change them: reads never count rows
    like_count        int         NOT NULL DEFAULT 0 CHECK (like_count >= 0),
    comment_count     int         NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    created_at        timestamptz NOT NULL,
    edited_at         timestamptz
);
CREATE INDEX post_author ON post (author_id, id DESC);
CREATE INDEX post_place ON post (place_id, id DESC) WHERE place_id IS NOT NULL;

CREATE TABLE hashtag (
    tag          text PRIMARY KEY,
    post_count   int         NOT NULL DEFAULT 0 CHECK (post_count >= 0),
    last_used_at timestamptz NOT NULL
);
CREATE INDEX hashtag_prefix ON hashtag (tag text_pattern_ops);

CREATE TABLE post_hashtag (
    tag     text   NOT NULL,
    post_id bigint NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, post_id)
);
CREATE INDEX post_hashtag_post ON post_hashtag (post_id);

-- Media claimed in media-service for a post not created yet. The row goes in the transaction that creates the
-- post; one left behind means the creation failed, and the claim janitor lets the media go.
CREATE TABLE media_claim (
    post_id    bigint PRIMARY KEY,
    owner_id   uuid        NOT NULL,
    media_ids  bigint[]    NOT NULL,
    claimed_at timestamptz NOT NULL
);

CREATE TABLE post_like (
    post_id    bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL,
    -- time-ordered: the likes list pages on it
    id         bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (post_id, user_id)
);
CREATE UNIQUE INDEX post_like_page ON post_like (post_id, id DESC);
CREATE INDEX post_like_user ON post_like (user_id);

-- One level of replies, as on Instagram: a reply's parent is always a top-level comment.
CREATE TABLE comment (
    id          bigint PRIMARY KEY,
    post_id     bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    author_id   uuid        NOT NULL,
    parent_id   bigint REFERENCES comment (id) ON DELETE CASCADE,
    text        text        NOT NULL,
    mentions    jsonb       NOT NULL DEFAULT '[]',
    like_count  int         NOT NULL DEFAULT 0 CHECK (like_count >= 0),
    reply_count int         NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
    created_at  timestamptz NOT NULL,
    edited_at   timestamptz
);
CREATE INDEX comment_top_level ON comment (post_id, id DESC) WHERE parent_id IS NULL;
CREATE INDEX comment_replies ON comment (parent_id, id DESC) WHERE parent_id IS NOT NULL;
CREATE INDEX comment_author ON comment (author_id);

CREATE TABLE comment_like (
    comment_id bigint      NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);
CREATE INDEX comment_like_user ON comment_like (user_id);

CREATE TABLE saved_post (
    user_id    uuid        NOT NULL,
    post_id    bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    id         bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, post_id)
);
CREATE UNIQUE INDEX saved_post_page ON saved_post (user_id, id DESC);
CREATE INDEX saved_post_post ON saved_post (post_id);

CREATE TABLE collection (
    id         bigint PRIMARY KEY,
    owner_id   uuid        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX collection_name ON collection (owner_id, lower(name));
CREATE INDEX collection_owner ON collection (owner_id, id DESC);

-- A collection holds saved posts only: unsaving a post (or its deletion) takes it out of every collection.
CREATE TABLE collection_post (
    collection_id bigint      NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    user_id       uuid        NOT NULL,
    post_id       bigint      NOT NULL,
    id            bigint      NOT NULL,
    PRIMARY KEY (collection_id, post_id),
    FOREIGN KEY (user_id, post_id) REFERENCES saved_post (user_id, post_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX collection_post_page ON collection_post (collection_id, id DESC);
CREATE INDEX collection_post_saved ON collection_post (user_id, post_id);
