CREATE TABLE profile
(
  id              UUID PRIMARY KEY,
  username        TEXT        NOT NULL UNIQUE,
  email           TEXT        NOT NULL,
  full_name       TEXT,
  bio             TEXT,
  website         TEXT,
  avatar_media_id BIGINT,
  private         BOOLEAN     NOT NULL DEFAULT false,
  account_type    TEXT        NOT NULL DEFAULT 'PERSONAL',
  created_at      TIMESTAMPTZ NOT NULL,
  updated_at      TIMESTAMPTZ NOT NULL
);
