-- EventRetention deletes processed-event rows by age: without this index every purge scans the table.
CREATE INDEX IF NOT EXISTS processed_event_processed_at_idx ON processed_event (processed_at);
