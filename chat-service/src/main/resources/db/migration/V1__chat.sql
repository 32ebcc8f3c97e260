-- What chat-service knows of people, from identity, user and graph events: names and avatars to show, usernames
-- to start a conversation by, who follows whom (a first message from a stranger is a request) and blocks.
CREATE TABLE person (
    id                 uuid PRIMARY KEY,
    username           text,
    avatar_media_id    bigint,
    -- the profile version applied last: an older ProfileUpdated arriving late changes nothing
    profile_updated_at timestamptz
);
CREATE INDEX person_username ON person (lower(username));

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

CREATE TABLE conversation (
    id          bigint PRIMARY KEY,
    type        text        NOT NULL CHECK (type IN ('DIRECT', 'GROUP')),
    title       text,
    -- a DIRECT conversation's two user ids, lower first: one conversation per pair
    pair_key    text UNIQUE,
    created_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    -- the inbox's order and cursor: the id of the latest message, or of the conversation while it has none
    activity    bigint      NOT NULL,
    activity_at timestamptz NOT NULL
);

CREATE TABLE participant (
    conversation_id bigint      NOT NULL REFERENCES conversation ON DELETE CASCADE,
    user_id         uuid        NOT NULL,
    -- INBOX, or REQUEST until they accept (a first message from someone they do not follow)
    folder          text        NOT NULL CHECK (folder IN ('INBOX', 'REQUEST')),
    added_by        uuid,
    joined_at       timestamptz NOT NULL,
    -- they deleted the conversation for themselves: it is out of their lists until a new message arrives
    hidden          boolean     NOT NULL DEFAULT false,
    -- messages up to this id are not theirs to see (history before they joined, or deleted for themselves)
    cleared_up_to   bigint      NOT NULL DEFAULT 0,
    last_read_id    bigint      NOT NULL DEFAULT 0,
    last_read_at    timestamptz,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX participant_user ON participant (user_id, folder);

CREATE TABLE message (
    id                bigint PRIMARY KEY,
    conversation_id   bigint      NOT NULL REFERENCES conversation ON DELETE CASCADE,
    sender_id         uuid        NOT NULL,
    type              text        NOT NULL CHECK (type IN ('TEXT', 'MEDIA', 'POST_SHARE')),
    text              text,
    -- MEDIA: the picture as media-service attached it (id, size, blurhash, variants); URLs are signed when read
    media             jsonb,
    post_id           bigint,
    client_message_id text        NOT NULL,
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz,
    -- a retried send finds the message it created
    UNIQUE (conversation_id, sender_id, client_message_id)
);
CREATE INDEX message_conversation ON message (conversation_id, id DESC);
CREATE INDEX message_expiry ON message (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX message_sender ON message (sender_id);

CREATE TABLE reaction (
    message_id bigint      NOT NULL REFERENCES message ON DELETE CASCADE,
    user_id    uuid        NOT NULL,
    emoji      text        NOT NULL,
    reacted_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, user_id)
);

-- A MEDIA message's picture is claimed in media-service before the message is stored; a claim left behind (the
-- message was never stored, and media-service could not be told at once) is let go by a janitor.
CREATE TABLE media_claim (
    message_id bigint PRIMARY KEY,
    media_id   bigint      NOT NULL,
    claimed_at timestamptz NOT NULL
);
