-- Accounts deleted within the lifetime of an access token: their tokens are refused until `until`.
CREATE TABLE IF NOT EXISTS revoked_subject
(
  user_id    UUID        NOT NULL PRIMARY KEY,
  revoked_at TIMESTAMPTZ NOT NULL,
  until      TIMESTAMPTZ NOT NULL
);
