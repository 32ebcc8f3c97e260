-- One row per upload. Objects live in S3 under media/{id}/; a row exists before its first object is written
-- and goes only after the last one is deleted, so a crash never leaves objects nobody knows about.
CREATE TABLE media (
    id            bigint PRIMARY KEY,
    owner_id      uuid        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('PROCESSING', 'READY', 'DELETING')),
    type          text        NOT NULL DEFAULT 'IMAGE',
    source_format text        NOT NULL,
    width         int         NOT NULL,
    height        int         NOT NULL,
    blurhash      text        NOT NULL,
    bytes         bigint      NOT NULL,
    attached_to   text,
    attached_at   timestamptz,
    -- when it last became unattached (upload or detach): orphans are measured from here
    loose_since   timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX media_owner ON media (owner_id, id DESC);
CREATE INDEX media_attached_to ON media (attached_to) WHERE attached_to IS NOT NULL;
CREATE INDEX media_loose ON media (loose_since) WHERE attached_to IS NULL AND state = 'READY';
CREATE INDEX media_unfinished ON media (updated_at) WHERE state <> 'READY';

CREATE TABLE media_variant (
    media_id bigint NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    name     text   NOT NULL,
    format   text   NOT NULL CHECK (format IN ('jpeg', 'webp')),
    width    int    NOT NULL,
    height   int    NOT NULL,
    bytes    int    NOT NULL,
    etag     text   NOT NULL,
    PRIMARY KEY (media_id, name, format)
);

-- uploads per owner per clock hour, counted before processing so refused files count too
CREATE TABLE upload_window (
    owner_id     uuid        NOT NULL,
    window_start timestamptz NOT NULL,
    uploads      int         NOT NULL,
    PRIMARY KEY (owner_id, window_start)
);
