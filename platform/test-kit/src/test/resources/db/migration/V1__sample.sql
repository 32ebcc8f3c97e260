-- what the sample consumers handled: no unique key, so a double delivery would show as two rows
CREATE TABLE sample_handled
(
  consumer TEXT NOT NULL,
  event_id UUID NOT NULL,
  count    INT  NOT NULL
);
