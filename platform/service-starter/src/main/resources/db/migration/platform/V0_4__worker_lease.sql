-- Which instance of the service mints ids with which worker id (IdGenerator); a lease not renewed is free.
CREATE TABLE IF NOT EXISTS worker_lease
(
  worker_id  INT         NOT NULL PRIMARY KEY,
  holder     TEXT        NOT NULL,
  renewed_at TIMESTAMPTZ NOT NULL
);
