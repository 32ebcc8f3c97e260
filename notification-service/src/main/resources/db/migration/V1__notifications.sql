-- What notification-service knows of people, from identity, user and graph events: what a notification shows of
-- its actors, who follows whom (a mention in a followers-only post reaches only those who may see it) and blocks.
CREATE TABLE person (
    id                 uuid PRIMARY KEY,
    username           text,
    avatar_media_id    bigint,
    -- the profile version applied last: an older ProfileUpdated arriving late changes nothing
    profile_updated_at timestamptz
);

CREATE TABLE follow (
    followee_id uuid NOT NULL,
    follower_id uuid NOT NULL,
    PRIMARY KEY (followee_id, follower_id)
);

CREATE TABLE block (
    blocker_id uuid NOT NULL,
    blocked_id uuid NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX block_blocked ON block (blocked_id, blocker_id);

-- Posts and comments as notifications show them: the post's first image as its thumbnail, a comment's excerpt.
CREATE TABLE post (
    id             bigint PRIMARY KEY,
    author_id      uuid   NOT NULL,
    public         boolean NOT NULL,
    thumb_media_id bigint
);

CREATE TABLE comment (
    id         bigint PRIMARY KEY,
    post_id    bigint      NOT NULL,
    author_id  uuid        NOT NULL,
    excerpt    text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX comment_post ON comment (post_id);

-- Every change of a notification takes the next number: its version, which is the id of the stream event that
-- announces it (a reconnecting client asks for everything above the last one it saw).
CREATE SEQUENCE notification_version;

-- One row per notification as the list shows it; grouped ones (likes of a post, likes of a comment, follows
-- within a window) share a row and list their actors in notification_actor. A take-back that leaves no actor
-- marks the row removed (its version announces the removal) and the clean-up job deletes it later.
CREATE TABLE notification (
    id           bigint PRIMARY KEY,
    recipient_id uuid        NOT NULL,
    type         text        NOT NULL,
    -- what a new activity joins: 'post:<id>' for likes, 'comment:<id>' for comment likes and comments,
    -- 'follow:<id>' for a follow window; unique among a recipient's live notifications of one type
    group_key    text        NOT NULL,
    post_id      bigint,
    comment_id   bigint,
    actor_count  int         NOT NULL CHECK (actor_count >= 0),
    created_at   timestamptz NOT NULL,
    -- the latest activity: the list is newest first by it, and retention counts from it
    updated_at   timestamptz NOT NULL,
    -- the list's order and cursor: the version of the latest activity (a take-back does not move it up)
    position     bigint      NOT NULL,
    version      bigint      NOT NULL,
    read         boolean     NOT NULL DEFAULT false,
    removed      boolean     NOT NULL DEFAULT false,
    removed_at   timestamptz
);
CREATE UNIQUE INDEX notification_group ON notification (recipient_id, type, group_key) WHERE NOT removed;
CREATE INDEX notification_list ON notification (recipient_id, position DESC) WHERE NOT removed;
CREATE INDEX notification_unread ON notification (recipient_id) WHERE NOT removed AND NOT read;
CREATE INDEX notification_stream ON notification (recipient_id, version);
CREATE INDEX notification_post ON notification (post_id) WHERE post_id IS NOT NULL;
CREATE INDEX notification_comment ON notification (comment_id) WHERE comment_id IS NOT NULL;
CREATE INDEX notification_updated ON notification (updated_at);
CREATE INDEX notification_removed ON notification (removed_at) WHERE removed;

CREATE TABLE notification_actor (
    notification_id bigint      NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    actor_id        uuid        NOT NULL,
    acted_at        timestamptz NOT NULL,
    PRIMARY KEY (notification_id, actor_id)
);
CREATE INDEX notification_actor_actor ON notification_actor (actor_id);

-- Types a person turned off; everything else is on.
CREATE TABLE muted_type (
    user_id uuid NOT NULL,
    type    text NOT NULL,
    PRIMARY KEY (user_id, type)
);
